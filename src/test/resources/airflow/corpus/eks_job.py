"""EMR on EKS: a job that fails once and succeeds on its retry, then a second job in the same DAG."""
from datetime import datetime, timedelta

from airflow.decorators import dag
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrContainerOperator

VIRTUAL_CLUSTER_ID = "vc-analytics"
JOB_ROLE_ARN = "arn:aws:iam::123456789012:role/emr-eks-job"


@dag(
    schedule="0 */4 * * *",
    start_date=datetime(2024, 4, 1),
    catchup=False,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=3)},
)
def eks_job():
    begin = EmptyOperator(task_id="begin")
    aggregate = EmrContainerOperator(
        task_id="aggregate",
        name="aggregate-{{ ds }}",
        virtual_cluster_id=VIRTUAL_CLUSTER_ID,
        execution_role_arn=JOB_ROLE_ARN,
        release_label="emr-7.1.0-latest",
        job_driver={
            "sparkSubmitJobDriver": {
                "entryPoint": "local:///usr/lib/spark/examples/src/main/python/pi.py",
                "sparkSubmitParameters": "--conf spark.executor.instances=2",
            }
        },
        configuration_overrides={
            "monitoringConfiguration": {"cloudWatchMonitoringConfiguration": {"logGroupName": "/emr-eks-jobs"}}
        },
        poll_interval=30,
    )
    export = EmrContainerOperator(
        task_id="export",
        name="export-{{ ds }}",
        virtual_cluster_id=VIRTUAL_CLUSTER_ID,
        execution_role_arn=JOB_ROLE_ARN,
        release_label="emr-7.1.0-latest",
        job_driver={"sparkSubmitJobDriver": {"entryPoint": "s3://company-code/export.py"}},
        poll_interval=30,
    )
    begin >> aggregate >> export


eks_job()
