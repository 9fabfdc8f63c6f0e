from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG('group_unknown_task', schedule=None):
    with TaskGroup('load') as load:
        EmptyOperator(task_id='copy')
    load >> publish
