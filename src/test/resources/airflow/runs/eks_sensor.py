from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrContainerOperator
from airflow.providers.amazon.aws.sensors.emr import EmrContainerSensor

# Start the job without waiting, then the sensor on the operator's XCom (the job run id); a second
# run that waits at most 3 polls.
with DAG(dag_id="eks_sensor", schedule=None, start_date=datetime(2025, 3, 1), catchup=False) as dag:
    start_job = EmrContainerOperator(
        task_id="start_job",
        name="load",
        virtual_cluster_id="vc-sensed",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-eks-job",
        release_label="emr-7.1.0-latest",
        job_driver={"sparkSubmitJobDriver": {"entryPoint": "s3://my-bucket/code/load.py"}},
        wait_for_completion=False,
    )
    wait_for_job = EmrContainerSensor(
        task_id="wait_for_job",
        virtual_cluster_id="vc-sensed",
        job_id="{{ ti.xcom_pull(task_ids='start_job') }}",
        poke_interval=30,
    )
    short_wait = EmrContainerOperator(
        task_id="short_wait",
        name="slow-report",
        virtual_cluster_id="vc-sensed",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-eks-job",
        release_label="emr-7.1.0-latest",
        job_driver={"sparkSubmitJobDriver": {"entryPoint": "s3://my-bucket/code/report.py"}},
        poll_interval=20,
        max_polling_attempts=3,
    )
    start_job >> wait_for_job >> short_wait
