"""Creates a cluster and waits until it is up (wait_for_completion), then terminates it."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator

JOB_FLOW_OVERRIDES = {
    "Name": "WaitedFor",
    "ReleaseLabel": "emr-7.0.0",
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
}

with DAG(dag_id="emr_create_wait", start_date=datetime(2024, 1, 1), schedule=None, catchup=False) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create_job_flow", job_flow_overrides=JOB_FLOW_OVERRIDES, wait_for_completion=True, waiter_delay=30
    )
    remove = EmrTerminateJobFlowOperator(task_id="remove_cluster", job_flow_id=create.output)
    create >> remove
