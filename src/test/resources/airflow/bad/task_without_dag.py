# expect: {file}:5:10: warning: task 'orphan' belongs to no DAG defined in this file [task-without-dag]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
orphan = EmptyOperator(task_id='orphan')
