# expect: {file}:6:5: error: EmptyOperator(...) has no task_id; it is not in the model [missing-task-id]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    EmptyOperator(retries=1)
