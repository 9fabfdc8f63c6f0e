"""Two clusters side by side with chain(): lists of equal length are linked pairwise."""
from datetime import datetime

from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

JOB_FLOW = {
    "ReleaseLabel": "emr-6.15.0",
    "Instances": {
        "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceCount": 1, "InstanceType": "m5.xlarge"}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "AutoTerminationPolicy": {"IdleTimeout": 600},
}

with DAG("chain_lists", start_date=datetime(2026, 1, 1), schedule=None, catchup=False) as dag:
    begin = EmptyOperator(task_id="begin")
    creates = [
        EmrCreateJobFlowOperator(task_id=f"create_{name}", job_flow_overrides={**JOB_FLOW, "Name": name})
        for name in ["sales", "stock"]
    ]
    watches = [
        EmrJobFlowSensor(task_id=f"watch_{c.task_id[7:]}", job_flow_id=c.output, target_states=["WAITING"])
        for c in creates
    ]
    stops = [
        EmrTerminateJobFlowOperator(task_id=f"stop_{c.task_id[7:]}", job_flow_id=c.output, trigger_rule="all_done")
        for c in creates
    ]
    done = EmptyOperator(task_id="done", trigger_rule="none_failed")

    chain(begin, creates, watches, stops, done)
