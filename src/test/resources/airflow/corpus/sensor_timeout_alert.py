"""A sensor that runs into its timeout (never retried), an alert on failure and the cleanup."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.trigger_rule import TriggerRule

with DAG(
    dag_id="sensor_timeout_alert",
    schedule="@hourly",
    start_date=datetime(2024, 5, 1),
    catchup=False,
    default_args={"retries": 2, "retry_delay": timedelta(minutes=1)},
) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create_cluster",
        job_flow_overrides={
            "Name": "long-lived",
            "ReleaseLabel": "emr-6.15.0",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
        },
        retries=0,
    )
    # The cluster waits for steps and never terminates, so the sensor times out after 20 minutes.
    wait_terminated = EmrJobFlowSensor(
        task_id="wait_terminated",
        job_flow_id=create.output,
        mode="reschedule",
        poke_interval=120,
        timeout=1200,
        exponential_backoff=True,
    )
    load = EmptyOperator(task_id="load")
    alert = EmptyOperator(task_id="alert", trigger_rule=TriggerRule.ONE_FAILED)
    cleanup = EmrTerminateJobFlowOperator(
        task_id="cleanup", job_flow_id=create.output, trigger_rule=TriggerRule.ALL_DONE
    )

    create >> wait_terminated >> [load, alert, cleanup]
