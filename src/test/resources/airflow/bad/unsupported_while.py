# expect: {file}:7:5: warning: 'while' statements are not read [unsupported-statement]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    i = 0
    while i < 3:
        i += 1
