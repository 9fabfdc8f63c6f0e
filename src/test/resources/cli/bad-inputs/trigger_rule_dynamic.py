from airflow import DAG
from airflow.models import Variable
from airflow.operators.empty import EmptyOperator

with DAG('trigger_rule_dynamic', schedule=None) as dag:
    start = EmptyOperator(task_id='start')
    cleanup = EmptyOperator(task_id='cleanup', trigger_rule=Variable.get('cleanup_rule'))
    start >> cleanup
