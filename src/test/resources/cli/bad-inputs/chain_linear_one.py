from airflow import DAG
from airflow.models.baseoperator import chain_linear
from airflow.operators.empty import EmptyOperator

with DAG('chain_linear_one', schedule=None):
    tasks = [EmptyOperator(task_id=n) for n in 'abc']
    chain_linear(tasks)
