from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('syntax_error', schedule=None) as dag:
    start = EmptyOperator(task_id='start'
    end = EmptyOperator(task_id='end')
