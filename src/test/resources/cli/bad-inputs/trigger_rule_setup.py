from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.trigger_rule import TriggerRule

with DAG('trigger_rule_setup', schedule=None) as dag:
    start = EmptyOperator(task_id='start')
    cleanup = EmptyOperator(task_id='cleanup', trigger_rule=TriggerRule.ALL_DONE_SETUP_SUCCESS)
    start >> cleanup
