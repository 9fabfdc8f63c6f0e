"""Tasks and groups mixed on both sides of >>, set_downstream on a group, and lists of groups."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.task_group import TaskGroup

with DAG("group_edges", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    start = EmptyOperator(task_id="start")
    with TaskGroup("left") as left:
        a = EmptyOperator(task_id="a")
        b = EmptyOperator(task_id="b")
    with TaskGroup("right") as right:
        c = EmptyOperator(task_id="c")
        d = EmptyOperator(task_id="d")
        c >> d
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")
    with TaskGroup("tail") as tail:
        e = EmptyOperator(task_id="e")
    start >> [left, right]
    [left, right] >> join
    join.set_downstream(tail)
    tail.set_upstream(start)
