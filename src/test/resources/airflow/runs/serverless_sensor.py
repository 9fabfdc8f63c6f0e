from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrServerlessCreateApplicationOperator,
    EmrServerlessStartJobOperator,
    EmrServerlessStopApplicationOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrServerlessApplicationSensor, EmrServerlessJobSensor

# StartJob without waiting, then the job sensor; the application sensor before the stop.
with DAG(dag_id="serverless_sensor", schedule=None, start_date=datetime(2025, 3, 1), catchup=False) as dag:
    create_app = EmrServerlessCreateApplicationOperator(
        task_id="create_app", release_label="emr-7.1.0", job_type="SPARK", config={"name": "sensed"},
        wait_for_completion=False,
    )
    start_job = EmrServerlessStartJobOperator(
        task_id="start_job",
        application_id="{{ ti.xcom_pull(task_ids='create_app') }}",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-serverless-job",
        job_driver={"sparkSubmit": {"entryPoint": "s3://my-bucket/code/load.py"}},
        config={"name": "load"},
        wait_for_completion=False,
    )
    wait_for_job = EmrServerlessJobSensor(
        task_id="wait_for_job",
        application_id="{{ ti.xcom_pull(task_ids='create_app') }}",
        job_run_id="{{ ti.xcom_pull(task_ids='start_job') }}",
        poke_interval=30,
    )
    app_started = EmrServerlessApplicationSensor(
        task_id="app_started",
        application_id="{{ ti.xcom_pull(task_ids='create_app') }}",
        target_states=["STARTED"],
    )
    stop_app = EmrServerlessStopApplicationOperator(
        task_id="stop_app", application_id="{{ ti.xcom_pull(task_ids='create_app') }}", waiter_delay=10,
    )
    create_app >> start_job >> wait_for_job >> app_started >> stop_app
