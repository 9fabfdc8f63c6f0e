"""Exponential back-off: a task that keeps failing retries later each time, up to max_retry_delay; a sensor backs off up to max_wait."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

with DAG("backoff", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    flaky = BashOperator(
        task_id="flaky",
        bash_command="exit 1",
        retries=4,
        retry_delay=timedelta(seconds=30),
        retry_exponential_backoff=True,
        max_retry_delay=timedelta(minutes=3),
    )
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
    )
    # The cluster waits for steps and never terminates: the sensor backs off until its timeout.
    wait_terminated = EmrJobFlowSensor(
        task_id="wait_terminated",
        job_flow_id=create.output,
        poke_interval=60,
        timeout=3600,
        exponential_backoff=True,
        max_wait=timedelta(minutes=5),
    )
    create >> wait_terminated
