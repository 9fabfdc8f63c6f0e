# expect: {file}:5:27: invalid date: Invalid date 'FEBRUARY 30'
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
dag = DAG('d', start_date=datetime(2023, 2, 30))
