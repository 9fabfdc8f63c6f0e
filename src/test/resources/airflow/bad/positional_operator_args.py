# expect: {file}:6:19: error: operators take keyword arguments only; positional arguments of EmptyOperator are not read [positional-argument]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    EmptyOperator('a', task_id='a')
