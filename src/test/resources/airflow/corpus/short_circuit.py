"""ShortCircuitOperator and @task.short_circuit: a falsy XCom skips what follows."""
from datetime import datetime

from airflow import DAG
from airflow.decorators import task
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import ShortCircuitOperator


@task.short_circuit
def has_data():
    return []


@task.bash
def list_archive():
    return "ls /archive"


with DAG(dag_id="short_circuit", schedule=None, start_date=datetime(2024, 1, 1), catchup=False):
    check = has_data()
    load = EmptyOperator(task_id="load")
    publish = EmptyOperator(task_id="publish")
    cleanup = EmptyOperator(task_id="cleanup", trigger_rule="all_done")
    check >> load >> publish >> cleanup
    gate = ShortCircuitOperator(task_id="gate", python_callable=lambda: False, ignore_downstream_trigger_rules=False)
    notify = EmptyOperator(task_id="notify")
    archive = EmptyOperator(task_id="archive", trigger_rule="all_done")
    gate >> notify >> archive >> list_archive()
