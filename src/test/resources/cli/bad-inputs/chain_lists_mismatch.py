from airflow import DAG
from airflow.models.baseoperator import chain
from airflow.operators.empty import EmptyOperator

with DAG('chain_lists_mismatch', schedule=None):
    a, b, c = [EmptyOperator(task_id=n) for n in 'abc']
    chain([a, b], [c])
