# expect: {file}:8:14: error: 'c' is not defined in this file; the dependency is not added [unknown-dependency]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    a = EmptyOperator(task_id='a')
    b = EmptyOperator(task_id='b')
    a >> [b, c]
