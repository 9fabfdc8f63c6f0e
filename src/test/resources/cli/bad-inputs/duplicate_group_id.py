from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG('duplicate_group_id', schedule=None):
    with TaskGroup('load'):
        EmptyOperator(task_id='a')
    with TaskGroup('load'):
        EmptyOperator(task_id='b')
