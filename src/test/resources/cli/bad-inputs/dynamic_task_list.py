from airflow import DAG
from airflow.models import Variable
from airflow.operators.empty import EmptyOperator

with DAG('dynamic_task_list', schedule=None):
    start = EmptyOperator(task_id='start')
    start >> [EmptyOperator(task_id=f'load_{t}') for t in Variable.get('tables', deserialize_json=True)]
