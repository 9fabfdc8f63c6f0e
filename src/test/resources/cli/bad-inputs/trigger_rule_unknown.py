from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG('trigger_rule_unknown', schedule=None) as dag:
    start = EmptyOperator(task_id='start')
    cleanup = EmptyOperator(task_id='cleanup', trigger_rule='all_sucess')
    start >> cleanup
