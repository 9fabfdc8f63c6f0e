from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrServerlessCreateApplicationOperator,
    EmrServerlessDeleteApplicationOperator,
    EmrServerlessStartJobOperator,
)

# Create an EMR Serverless application, run a Spark job on it and wait for it, delete the application.
with DAG(
    dag_id="spark_serverless_dag",
    schedule=None,
    start_date=datetime(2025, 3, 1),
    catchup=False,
) as dag:
    create_app = EmrServerlessCreateApplicationOperator(
        task_id="create_app",
        release_label="emr-7.1.0",
        job_type="SPARK",
        config={"name": "nightly-spark", "autoStopConfiguration": {"enabled": True, "idleTimeoutMinutes": 5}},
    )

    run_job = EmrServerlessStartJobOperator(
        task_id="run_job",
        application_id="{{ task_instance.xcom_pull(task_ids='create_app') }}",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-serverless-job",
        job_driver={
            "sparkSubmit": {
                "entryPoint": "s3://my-bucket/code/aggregate.py",
                "entryPointArguments": ["{{ ds }}"],
                "sparkSubmitParameters": "--conf spark.executor.cores=4 --conf spark.executor.memory=16g",
            }
        },
        name="aggregate-orders",
        waiter_delay=30,
        waiter_max_attempts=60,
    )

    delete_app = EmrServerlessDeleteApplicationOperator(
        task_id="delete_app",
        application_id="{{ task_instance.xcom_pull(task_ids='create_app') }}",
    )

    create_app >> run_job >> delete_app
