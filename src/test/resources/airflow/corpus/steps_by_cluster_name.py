"""Add steps to a cluster found by its name (job_flow_name), as teams do when another DAG owns the cluster."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)

CLUSTER = {
    "Name": "shared-nightly",
    "ReleaseLabel": "emr-7.1.0",
    "Instances": {
        "InstanceGroups": [
            {"Name": "primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
        ],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
}

STEPS = [
    {
        "Name": "aggregate",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/aggregate.py"]},
    }
]

with DAG("steps_by_cluster_name", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    create = EmrCreateJobFlowOperator(task_id="create", job_flow_overrides=CLUSTER, wait_for_completion=True)
    by_name = EmrAddStepsOperator(
        task_id="add_by_name",
        job_flow_name="shared-nightly",
        cluster_states=["WAITING", "RUNNING"],
        steps=STEPS,
        wait_for_completion=True,
    )
    missing = EmrAddStepsOperator(task_id="add_to_missing", job_flow_name="no-such-cluster", steps=STEPS)
    stop = EmrTerminateJobFlowOperator(task_id="stop", job_flow_id=create.output, trigger_rule="all_done")

    create >> [by_name, missing]
    by_name >> stop
