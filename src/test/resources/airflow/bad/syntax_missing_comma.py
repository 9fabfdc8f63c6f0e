# expect: {file}:5:31: invalid Python syntax near 'dag=None)'
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
t = EmptyOperator(task_id='a' dag=None)
