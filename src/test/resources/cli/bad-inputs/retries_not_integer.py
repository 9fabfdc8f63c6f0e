from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('retries_not_integer', schedule=None) as dag:
    start = EmptyOperator(task_id='start', retries='three')
