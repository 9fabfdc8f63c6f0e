from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrContainerOperator

# Run a Spark job on an EMR on EKS virtual cluster and wait for it.
with DAG(
    dag_id="spark_eks_dag",
    schedule=None,
    start_date=datetime(2025, 3, 1),
    catchup=False,
) as dag:
    run_job = EmrContainerOperator(
        task_id="run_job",
        name="aggregate-orders",
        virtual_cluster_id="kbrbt6s8xlfmrzfrtm3txdh9w",
        execution_role_arn="arn:aws:iam::123456789012:role/emr-eks-job",
        release_label="emr-7.1.0-latest",
        job_driver={
            "sparkSubmitJobDriver": {
                "entryPoint": "s3://my-bucket/code/aggregate.py",
                "entryPointArguments": ["{{ ds }}"],
                "sparkSubmitParameters": "--conf spark.executor.instances=2 --conf spark.executor.memory=4G",
            }
        },
        configuration_overrides={
            "applicationConfiguration": [
                {"classification": "spark-defaults", "properties": {"spark.dynamicAllocation.enabled": "false"}}
            ]
        },
        poll_interval=60,
    )
