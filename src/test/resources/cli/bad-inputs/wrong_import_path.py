from airflow import DAG
from airflow.operators.emr import EmrCreateJobFlowOperator

with DAG('wrong_import_path', schedule=None) as dag:
    create = EmrCreateJobFlowOperator(task_id='create', job_flow_overrides={})
