"""A task feeding one task of a group: the group's subprocess makes the group's other task wait too."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("task_into_group", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    start = EmptyOperator(task_id="start")
    lookup = EmptyOperator(task_id="lookup")
    with TaskGroup("load") as load:
        facts = EmptyOperator(task_id="facts")
        dims = EmptyOperator(task_id="dims")
    start >> [lookup, load]
    lookup >> facts
