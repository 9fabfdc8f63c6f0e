"""An EMR Serverless job run that fails: the report is not made, the application is still deleted."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import (
    EmrServerlessCreateApplicationOperator,
    EmrServerlessDeleteApplicationOperator,
    EmrServerlessStartJobOperator,
)

with DAG(dag_id="serverless_job_fails", schedule=None, start_date=datetime(2024, 1, 1), catchup=False):
    app = EmrServerlessCreateApplicationOperator(
        task_id="create_app",
        job_type="SPARK",
        release_label="emr-6.15.0",
        config={"name": "dedupe"},
        wait_for_completion=False,
    )
    job = EmrServerlessStartJobOperator(
        task_id="dedupe_job",
        application_id="{{ ti.xcom_pull(task_ids='create_app') }}",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-serverless-job",
        job_driver={"sparkSubmit": {"entryPoint": "s3://company-serverless/code/dedupe.py"}},
        config={"name": "dedupe"},
        waiter_delay=20,
    )
    report = EmptyOperator(task_id="report")
    delete = EmrServerlessDeleteApplicationOperator(
        task_id="delete_app",
        application_id="{{ ti.xcom_pull(task_ids='create_app') }}",
        trigger_rule="all_done",
        waiter_delay=20,
    )
    app >> job >> [report, delete]
