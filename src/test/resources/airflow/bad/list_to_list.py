# expect: {file}:7:12: error: 'list >> list' fails in Airflow (lists have no >>); use cross_downstream; not added [list-dependency]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    a, b, c, d = [EmptyOperator(task_id=n) for n in 'abcd']
    [a, b] >> [c, d]
