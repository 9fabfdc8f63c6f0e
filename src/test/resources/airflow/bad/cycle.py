# expect: {file}:9:5: error: dependency 'b' >> 'a' closes a cycle in DAG 'd' [cycle]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    a = EmptyOperator(task_id='a')
    b = EmptyOperator(task_id='b')
    a >> b
    b.set_downstream(a)
