# expect: {file}:7:49: job_flow_id is not a valid template: TemplateSyntaxError: unexpected '}'
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrTerminateJobFlowOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrTerminateJobFlowOperator(task_id="stop", job_flow_id="{{ ti.xcom_pull(task_ids='create') }")
