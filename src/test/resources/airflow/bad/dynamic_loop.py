# expect: {file}:7:18: warning: loop over a value not known statically; tasks it would create are not in the model [dynamic-loop]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.models import Variable
with DAG('d'):
    for table in Variable.get('tables', deserialize_json=True):
        EmptyOperator(task_id=f'load_{table}')
