# expect: {file}:7:14: error: 'finish' is not defined in this file; the dependency is not added [unknown-dependency]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    start = EmptyOperator(task_id='start')
    start >> finish
