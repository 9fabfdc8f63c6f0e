# expect: {file}:7:38: warning: argument 'queue' of task 'a' is not known statically: Variable.get('queue') (Airflow Variable, read when the file is parsed) [dynamic-value]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.models import Variable
with DAG('d'):
    EmptyOperator(task_id='a', queue=Variable.get('queue'))
