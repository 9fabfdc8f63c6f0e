# expect: {file}:7:14: error: 'end' is not a task; the dependency is not added [not-a-task]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    start = EmptyOperator(task_id='start')
    start >> 'end'
