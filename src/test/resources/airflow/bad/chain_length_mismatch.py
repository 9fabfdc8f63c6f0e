# expect: {file}:8:19: error: chain() of lists of 2 and 1 tasks fails in Airflow; not added [chain-length-mismatch]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.models.baseoperator import chain
with DAG('d'):
    a, b, c = [EmptyOperator(task_id=n) for n in 'abc']
    chain([a, b], [c])
