from airflow import DAG
from airflow.models import Variable
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator

with DAG('variable_as_overrides', schedule=None) as dag:
    create = EmrCreateJobFlowOperator(
        task_id='create',
        job_flow_overrides=Variable.get('overrides', deserialize_json=True),
    )
