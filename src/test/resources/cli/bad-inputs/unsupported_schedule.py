from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('unsupported_schedule', schedule=42) as dag:
    start = EmptyOperator(task_id='start')
