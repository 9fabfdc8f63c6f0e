"""A group left and re-entered through an outside task cannot be a subprocess: it is drawn flat."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("flattened_group", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    with TaskGroup("g") as g:
        first = EmptyOperator(task_id="first")
        last = EmptyOperator(task_id="last")
    outside = EmptyOperator(task_id="outside")
    first >> outside >> last
