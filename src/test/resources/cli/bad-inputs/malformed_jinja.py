from airflow import DAG
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

with DAG('malformed_jinja', schedule=None) as dag:
    wait = EmrJobFlowSensor(
        task_id='wait',
        job_flow_id="{{ task_instance.xcom_pull(task_ids='create') ",
    )
