# expect: {file}:7:32: warning: '**Variable.get('extra', deserialize_json=True)' is not known statically; the arguments it passes are not read [dynamic-kwargs]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.models import Variable
with DAG('d'):
    EmptyOperator(task_id='a', **Variable.get('extra', deserialize_json=True))
