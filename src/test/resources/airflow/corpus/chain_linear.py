"""chain_linear (Airflow 2.7+): every task of an element before every task of the next."""
from datetime import datetime

from airflow import DAG
from airflow.models.baseoperator import chain_linear
from airflow.operators.empty import EmptyOperator

with DAG("chain_linear", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    start = EmptyOperator(task_id="start")
    transforms = [EmptyOperator(task_id=f"transform_{i}") for i in range(1, 3)]
    inserts = [EmptyOperator(task_id=f"insert_{i}") for i in range(1, 4)]
    finish = EmptyOperator(task_id="finish")

    chain_linear(start, transforms, inserts, finish)
