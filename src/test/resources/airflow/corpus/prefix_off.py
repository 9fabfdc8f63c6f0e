"""prefix_group_id=False keeps the tasks' own ids; a group inside it prefixes its own tasks again."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("prefix_off", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    begin = EmptyOperator(task_id="begin")
    with TaskGroup("staging", prefix_group_id=False) as staging:
        copy = EmptyOperator(task_id="copy_files")
        with TaskGroup("checks") as checks:
            rows = EmptyOperator(task_id="row_count")
            nulls = EmptyOperator(task_id="null_count")
        copy >> checks
    with TaskGroup("publish") as publish:
        swap = EmptyOperator(task_id="swap_tables")
    begin >> staging >> publish
