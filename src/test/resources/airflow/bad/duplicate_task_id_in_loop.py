# expect: {file}:7:9: duplicate task_id 'run_x' in DAG 'd' (first defined at {file}:7:9)
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d') as dag:
    for name in ['x', 'y', 'x']:
        EmptyOperator(task_id=f'run_{name}')
