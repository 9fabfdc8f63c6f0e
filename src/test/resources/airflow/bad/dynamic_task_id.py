# expect: {file}:7:19: error: task_id is not known statically: Variable.get('name') (Airflow Variable, read when the file is parsed); it is not in the model [dynamic-task-id]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.models import Variable
with DAG('d'):
    EmptyOperator(task_id=Variable.get('name'))
