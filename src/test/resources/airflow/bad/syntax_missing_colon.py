# expect: {file}:3:1: invalid Python syntax near 'with DAG('x') as dag'
from airflow import DAG
with DAG('x') as dag
    pass
