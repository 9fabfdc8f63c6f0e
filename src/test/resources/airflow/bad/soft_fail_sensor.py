# expect: {file}:7:95: soft_fail only applies to sensors: EmrAddStepsOperator is not one
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrAddStepsOperator(task_id="add", job_flow_id="j-1", steps=[], wait_for_completion=True, soft_fail=True)
