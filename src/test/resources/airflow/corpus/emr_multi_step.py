"""Two steps added at once, each watched in a TaskGroup; the cluster ends itself after its steps."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator, EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor, EmrStepSensor
from airflow.utils.task_group import TaskGroup

STEPS = [
    {
        "Name": "clean",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/clean.py"]},
    },
    {
        "Name": "enrich",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/enrich.py"]},
    },
]

with DAG(
    "emr_multi_step",
    schedule=timedelta(hours=6),
    start_date=datetime(2024, 3, 1),
    catchup=False,
    default_args={"poke_interval": 45},
) as dag:
    start = EmptyOperator(task_id="start")
    create = EmrCreateJobFlowOperator(
        task_id="create",
        job_flow_overrides={
            "Name": "multi-step",
            "ReleaseLabel": "emr-7.0.0",
            "Applications": [{"Name": "Spark"}],
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                # The cluster terminates by itself once both steps are done.
                "KeepJobFlowAliveWhenNoSteps": False,
            },
        },
    )
    add = EmrAddStepsOperator(task_id="add", job_flow_id=create.output, steps=STEPS)

    with TaskGroup("watch") as watch:
        clean = EmrStepSensor(
            task_id="clean",
            job_flow_id=create.output,
            step_id="{{ ti.xcom_pull(task_ids='add')[0] }}",
        )
        enrich = EmrStepSensor(
            task_id="enrich",
            job_flow_id=create.output,
            step_id="{{ ti.xcom_pull(task_ids='add')[1] }}",
        )

    gone = EmrJobFlowSensor(task_id="cluster_gone", job_flow_id=create.output)

    start >> create >> add >> watch >> gone
