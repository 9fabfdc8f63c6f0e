# expect: {file}:6:1: warning: call not evaluated, its effects are not in the model: setup_logging(level='INFO') (call of 'company.logging.setup_logging' is not evaluated) [ignored-call]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from company.logging import setup_logging
setup_logging(level='INFO')
with DAG('d'):
    EmptyOperator(task_id='a')
