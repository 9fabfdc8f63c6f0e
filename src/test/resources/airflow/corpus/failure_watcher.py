"""Airflow's watcher pattern: the cleanup always runs, and a one_failed leaf fails the run."""
from datetime import datetime

from airflow import DAG
from airflow.decorators import task
from airflow.exceptions import AirflowException
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.trigger_rule import TriggerRule


@task(trigger_rule=TriggerRule.ONE_FAILED, retries=0)
def watcher():
    raise AirflowException("Failing task because one or more upstream tasks failed.")


def check_quality(**context):
    return True


with DAG("failure_watcher", schedule=None, start_date=datetime(2024, 1, 1), catchup=False) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create",
        job_flow_overrides={
            "Name": "quality",
            "ReleaseLabel": "emr-7.1.0",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
        },
    )
    ready = EmrJobFlowSensor(task_id="ready", job_flow_id=create.output, target_states=["WAITING"])
    quality = PythonOperator(task_id="quality", python_callable=check_quality)
    teardown = EmrTerminateJobFlowOperator(
        task_id="teardown", job_flow_id=create.output, trigger_rule=TriggerRule.ALL_DONE
    )
    create >> ready >> quality >> teardown
    # Airflow's own examples write list(dag.tasks) >> watcher(), which flowport does not read.
    [create, ready, quality, teardown] >> watcher()
