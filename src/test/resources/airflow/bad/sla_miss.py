# expect: {file}:7:32: review FP410 [a]: sla is not reproduced yet: it has no effect here
from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule="@daily", start_date=datetime(2024, 1, 1)):
    EmptyOperator(task_id="a", sla=timedelta(hours=1))
