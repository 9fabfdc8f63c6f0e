from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('duplicate_task_id', schedule=None) as dag:
    first = EmptyOperator(task_id='step')
    second = EmptyOperator(task_id='step')
