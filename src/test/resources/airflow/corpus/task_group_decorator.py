"""@dag with @task_group: called twice, the second group is load__1, as Airflow names it."""
import pendulum

from airflow.decorators import dag, task_group
from airflow.operators.empty import EmptyOperator


@dag(schedule=None, start_date=pendulum.datetime(2026, 1, 1, tz="UTC"), catchup=False)
def task_group_decorator():
    start = EmptyOperator(task_id="start")

    @task_group(default_args={"retries": 2})
    def load():
        stage = EmptyOperator(task_id="stage")
        merge = EmptyOperator(task_id="merge")
        stage >> merge

    end = EmptyOperator(task_id="end")
    first = load()
    second = load()
    start >> first >> second >> end


task_group_decorator()
