"""Classic style (dag=dag, default_args): a step that fails, the sensor that raises, and cleanup."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

default_args = {
    "owner": "data-eng",
    "depends_on_past": False,
    "email_on_failure": False,
    "retries": 0,
}

dag = DAG(
    "emr_step_fails",
    default_args=default_args,
    description="Daily aggregation on a transient cluster",
    schedule_interval="0 3 * * *",
    start_date=datetime(2024, 6, 1),
    catchup=False,
)

cluster = EmrCreateJobFlowOperator(
    task_id="create_cluster",
    job_flow_overrides={
        "Name": "daily-aggregate",
        "ReleaseLabel": "emr-6.15.0",
        "Applications": [{"Name": "Spark"}, {"Name": "Hive"}],
        "Instances": {
            "InstanceGroups": [
                {"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
                {"Name": "Core", "InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 2},
            ],
            "KeepJobFlowAliveWhenNoSteps": True,
        },
        "LogUri": "s3://company-logs/emr/",
        "JobFlowRole": "EMR_EC2_DefaultRole",
        "ServiceRole": "EMR_DefaultRole",
    },
    dag=dag,
)

aggregate = EmrAddStepsOperator(
    task_id="add_aggregate_step",
    job_flow_id="{{ ti.xcom_pull(task_ids='create_cluster') }}",
    steps=[
        {
            "Name": "aggregate-{{ ds_nodash }}",
            "ActionOnFailure": "CONTINUE",
            "HadoopJarStep": {
                "Jar": "command-runner.jar",
                "Args": ["spark-submit", "s3://company-code/aggregate.py", "--date", "{{ ds }}"],
            },
        }
    ],
    dag=dag,
)

watch = EmrStepSensor(
    task_id="watch_aggregate_step",
    job_flow_id="{{ ti.xcom_pull(task_ids='create_cluster') }}",
    step_id="{{ ti.xcom_pull(task_ids='add_aggregate_step')[0] }}",
    poke_interval=60,
    timeout=timedelta(hours=2),
    dag=dag,
)

publish = EmptyOperator(task_id="publish", dag=dag)

terminate = EmrTerminateJobFlowOperator(
    task_id="terminate_cluster",
    job_flow_id="{{ ti.xcom_pull(task_ids='create_cluster') }}",
    trigger_rule="all_done",
    dag=dag,
)

cluster >> aggregate >> watch >> publish
watch >> terminate
