from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG('bash_without_worker', schedule=None) as dag:
    hello = BashOperator(task_id='hello', bash_command='echo hello')
