# expect: {file}:7:5: duplicate task_id 'same' in DAG 'd' (first defined at {file}:6:5)
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
dag = DAG('d', start_date=datetime(2024, 1, 1))
a = EmptyOperator(task_id='same', dag=dag)
b = EmptyOperator(task_id='same', dag=dag)
