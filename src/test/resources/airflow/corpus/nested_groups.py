"""Nested TaskGroups with group-to-group edges: ingest (with raw inside) before report."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.task_group import TaskGroup

JOB_FLOW = {
    "Name": "nightly",
    "ReleaseLabel": "emr-6.15.0",
    "Instances": {
        "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1, "InstanceType": "m5.xlarge"}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "AutoTerminationPolicy": {"IdleTimeout": 600},
}

with DAG("nested_groups", start_date=datetime(2026, 1, 1), schedule="@daily", catchup=False) as dag:
    start = EmptyOperator(task_id="start")

    with TaskGroup("ingest", tooltip="Bring the cluster up and land raw data") as ingest:
        create = EmrCreateJobFlowOperator(task_id="create_cluster", job_flow_overrides=JOB_FLOW)
        with TaskGroup("raw") as raw:
            orders = EmptyOperator(task_id="orders")
            items = EmptyOperator(task_id="items")
        up = EmrJobFlowSensor(task_id="cluster_up", job_flow_id=create.output, target_states=["WAITING"])
        create >> up >> raw

    with TaskGroup("report") as report:
        daily = EmptyOperator(task_id="daily")
        weekly = EmptyOperator(task_id="weekly")
        daily >> weekly

    stop = EmrTerminateJobFlowOperator(task_id="stop_cluster", job_flow_id=create.output, trigger_rule="all_done")

    start >> ingest >> report >> stop
