"""Transient clusters that run their steps and shut down; the create task waits for the end (wait_policy)."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.utils.waiter import WaitPolicy


def transient(name, step, action_on_failure):
    return {
        "Name": name,
        "ReleaseLabel": "emr-7.1.0",
        "Applications": [{"Name": "Spark"}],
        "Instances": {
            "InstanceGroups": [
                {"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
            ],
            "KeepJobFlowAliveWhenNoSteps": False,
        },
        "Steps": [
            {
                "Name": step,
                "ActionOnFailure": action_on_failure,
                "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", f"s3://jobs/{step}.py"]},
            }
        ],
        "JobFlowRole": "EMR_EC2_DefaultRole",
        "ServiceRole": "EMR_DefaultRole",
    }


with DAG("transient_clusters", schedule="@daily", start_date=datetime(2025, 1, 1), catchup=False):
    nightly = EmrCreateJobFlowOperator(
        task_id="run_nightly",
        job_flow_overrides=transient("nightly", "nightly-rollup", "TERMINATE_CLUSTER"),
        wait_policy=WaitPolicy.WAIT_FOR_STEPS_COMPLETION,
        waiter_delay=30,
    )
    publish = EmptyOperator(task_id="publish")

    # The string value works too: WaitPolicy is a str Enum.
    backfill = EmrCreateJobFlowOperator(
        task_id="run_backfill",
        job_flow_overrides=transient("backfill", "backfill-orders", "TERMINATE_CLUSTER"),
        wait_policy="wait_for_steps_completion",
        waiter_delay=30,
    )

    nightly >> publish
