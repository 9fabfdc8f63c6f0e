# expect: {file}:6:67: review FP410: default_args['depends_on_past'] is not reproduced yet: it has no effect here
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule="@daily", start_date=datetime(2024, 1, 1), default_args={"depends_on_past": True}):
    EmptyOperator(task_id="a")
