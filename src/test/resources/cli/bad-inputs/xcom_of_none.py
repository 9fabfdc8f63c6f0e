from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrTerminateJobFlowOperator

with DAG('xcom_of_none', schedule=None):
    start = EmptyOperator(task_id='start')
    EmrTerminateJobFlowOperator(task_id='stop', job_flow_id=start.output)
