from airflow import DAG
from airflow.models import Variable
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator

with DAG('variable_in_overrides', schedule=None) as dag:
    create = EmrCreateJobFlowOperator(
        task_id='create',
        job_flow_overrides={
            'Name': Variable.get('cluster_name'),
            'ReleaseLabel': 'emr-6.5.0',
        },
    )
