from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('unknown_dependency', schedule=None) as dag:
    start = EmptyOperator(task_id='start')
    start >> finish
