"""execution_timeout on a step sensor: each try is cut off, retried once, then the task fails."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

with DAG(
    dag_id="execution_timeout",
    schedule="30 2 * * 1-5",
    start_date=datetime(2024, 2, 1),
    catchup=False,
) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create",
        job_flow_overrides={
            "Name": "slow-step",
            "ReleaseLabel": "emr-6.10.0",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
        },
    )
    add = EmrAddStepsOperator(
        task_id="add_backfill_step",
        job_flow_id="{{ ti.xcom_pull('create') }}",
        steps=[{"Name": "backfill", "ActionOnFailure": "CONTINUE",
                "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/backfill.py"]}}],
    )
    # The step runs for hours (scenario); each try of the sensor stops after 30 minutes.
    watch = EmrStepSensor(
        task_id="watch_backfill",
        job_flow_id="{{ ti.xcom_pull('create') }}",
        step_id="{{ ti.xcom_pull(task_ids='add_backfill_step')[0] }}",
        poke_interval=60,
        execution_timeout=timedelta(minutes=30),
        retries=1,
        retry_delay=timedelta(minutes=2),
    )
    done = EmptyOperator(task_id="done")
    terminate = EmrTerminateJobFlowOperator(
        task_id="terminate", job_flow_id="{{ ti.xcom_pull('create') }}", trigger_rule="all_done"
    )
    create >> add >> watch >> [done, terminate]
