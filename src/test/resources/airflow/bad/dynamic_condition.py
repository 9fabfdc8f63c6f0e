# expect: {file}:7:8: warning: condition not known statically; no branch of this if statement is read [dynamic-condition]
import os
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    if os.getenv('WITH_EXTRA'):
        EmptyOperator(task_id='extra')
