# expect: {file}:6:63: params must be a dict
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1), params=["env"]):
    EmptyOperator(task_id="a")
