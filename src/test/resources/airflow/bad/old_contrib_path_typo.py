# expect: {file}:7:5: operator airflow.contrib.operators.emr_add_step_operator.EmrAddStepsOperator of task 'add' has no catalog entry (flowport knows airflow.providers.amazon.aws.operators.emr.EmrAddStepsOperator)
from datetime import datetime
from airflow import DAG
from airflow.contrib.operators.emr_add_step_operator import EmrAddStepsOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrAddStepsOperator(task_id="add", job_flow_id="j-1", steps=[])
