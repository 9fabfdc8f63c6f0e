"""Starts a notebook execution and waits until it runs (wait_for_completion), on a cluster that is up."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrCreateJobFlowOperator,
    EmrStartNotebookExecutionOperator,
    EmrTerminateJobFlowOperator,
)

JOB_FLOW_OVERRIDES = {
    "Name": "Notebooks",
    "ReleaseLabel": "emr-7.0.0",
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
}

with DAG(dag_id="emr_notebook_wait", start_date=datetime(2024, 1, 1), schedule=None, catchup=False) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create_job_flow", job_flow_overrides=JOB_FLOW_OVERRIDES, wait_for_completion=True, waiter_delay=30
    )
    run = EmrStartNotebookExecutionOperator(
        task_id="run_notebook",
        editor_id="e-BKTM2DIHXBEDRU44ANWRKIU8N",
        relative_path="etl.ipynb",
        cluster_id=create.output,
        service_role="EMR_Notebooks_DefaultRole",
        notebook_execution_name="etl",
        wait_for_completion=True,
        waiter_delay=30,
    )
    on_missing_cluster = EmrStartNotebookExecutionOperator(
        task_id="on_missing_cluster",
        editor_id="e-BKTM2DIHXBEDRU44ANWRKIU8N",
        relative_path="etl.ipynb",
        cluster_id="j-NOSUCHCLUSTER1",
        service_role="EMR_Notebooks_DefaultRole",
        notebook_execution_name="lost",
    )
    remove = EmrTerminateJobFlowOperator(task_id="remove_cluster", job_flow_id=create.output, trigger_rule="all_done")
    create >> [run, on_missing_cluster] >> remove
