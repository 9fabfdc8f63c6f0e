# expect: {file}:7:82: wait_policy must be a WaitPolicy member (from airflow.providers.amazon.aws.utils.waiter) or None, but it is a bool
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrCreateJobFlowOperator(task_id="create", job_flow_overrides={"Name": "c"}, wait_policy=True)
