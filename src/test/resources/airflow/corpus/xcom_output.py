"""The amazon provider's example_emr style: the cluster id flows through create_job_flow.output."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.trigger_rule import TriggerRule

JOB_FLOW_OVERRIDES = {
    "Name": "PiCalc",
    "ReleaseLabel": "emr-7.1.0",
    "Applications": [{"Name": "Spark"}],
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "Market": "ON_DEMAND", "InstanceRole": "MASTER",
                            "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": False,
        "TerminationProtected": False,
    },
}

with DAG(dag_id="xcom_output", schedule="@once", start_date=datetime(2021, 1, 1), catchup=False, tags=["example"]):
    create_job_flow = EmrCreateJobFlowOperator(task_id="create_job_flow", job_flow_overrides=JOB_FLOW_OVERRIDES)
    check_job_flow = EmrJobFlowSensor(task_id="check_job_flow", job_flow_id=create_job_flow.output)
    remove_cluster = EmrTerminateJobFlowOperator(
        task_id="remove_cluster", job_flow_id=create_job_flow.output, trigger_rule=TriggerRule.ALL_DONE
    )
    # No explicit dependency for create_job_flow: its .output makes it upstream of both.
    remove_cluster.set_upstream(check_job_flow)
