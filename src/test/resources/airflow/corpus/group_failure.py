"""A cluster that fails inside a group: the next group is upstream_failed, the alert and cleanup run."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.task_group import TaskGroup

JOB_FLOW = {
    "Name": "broken",
    "ReleaseLabel": "emr-6.15.0",
    "Instances": {
        "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1, "InstanceType": "m5.xlarge"}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "AutoTerminationPolicy": {"IdleTimeout": 300},
}

with DAG("group_failure", start_date=datetime(2026, 1, 1), schedule=None, catchup=False,
         default_args={"retry_delay": timedelta(minutes=1)}):
    with TaskGroup("cluster", default_args={"retries": 1}) as cluster:
        create = EmrCreateJobFlowOperator(task_id="create", job_flow_overrides=JOB_FLOW, retries=0)
        ready = EmrJobFlowSensor(task_id="ready", job_flow_id=create.output, target_states=["WAITING"])
        create >> ready
    with TaskGroup("work") as work:
        step = EmptyOperator(task_id="step")
        check = EmptyOperator(task_id="check", trigger_rule="all_done")
        step >> check
    alert = EmptyOperator(task_id="alert", trigger_rule="one_failed")
    cleanup = EmrTerminateJobFlowOperator(task_id="cleanup", job_flow_id=create.output, trigger_rule="all_done")

    cluster >> work >> cleanup
    cluster >> alert
