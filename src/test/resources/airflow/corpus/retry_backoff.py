"""Retries with exponential backoff on a task that keeps failing: three tries, then failed."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator

default_args = {
    "retries": 2,
    "retry_delay": timedelta(seconds=20),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=5),
}

with DAG(
    "retry_backoff",
    default_args=default_args,
    schedule=timedelta(minutes=30),
    start_date=datetime(2024, 1, 1),
    catchup=False,
) as dag:
    fetch = BashOperator(task_id="fetch", bash_command="curl -sf https://api.example.com/export > /tmp/export.json")
    parse = BashOperator(task_id="parse", bash_command="jq length /tmp/export.json")
    after = EmptyOperator(task_id="after", trigger_rule="all_failed")
    fetch >> parse >> after
