from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator

with DAG('xcom_int_subscript', schedule=None):
    create = EmrCreateJobFlowOperator(task_id='create', job_flow_overrides={'Name': 'x'})
    EmrTerminateJobFlowOperator(task_id='stop', job_flow_id=create.output[0])
