# expect: {file}:6:32: keyword argument 'task_id' is given twice
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    EmptyOperator(task_id='a', task_id='b')
