from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('dependency_cycle', schedule=None):
    a = EmptyOperator(task_id='a')
    b = EmptyOperator(task_id='b')
    a >> b >> a
