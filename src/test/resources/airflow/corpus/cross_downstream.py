"""Every extract before every load, with cross_downstream, and >> between lists and tasks."""
import pendulum

from airflow import DAG
from airflow.models.baseoperator import cross_downstream
from airflow.operators.empty import EmptyOperator

with DAG(
    dag_id="cross_downstream",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    schedule="@daily",
    catchup=False,
):
    start = EmptyOperator(task_id="start")
    extracts = [EmptyOperator(task_id=f"extract_{t}") for t in ("orders", "customers")]
    loads = [EmptyOperator(task_id=f"load_{t}") for t in ("warehouse", "lake", "cache")]
    publish = EmptyOperator(task_id="publish")

    start >> extracts
    cross_downstream(extracts, loads)
    publish << loads
