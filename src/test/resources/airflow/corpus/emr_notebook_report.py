"""EMR notebooks on a long-running cluster: two steps at once after ModifyCluster, then a report
notebook whose execution a sensor watches until it finishes."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrModifyClusterOperator,
    EmrStartNotebookExecutionOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrNotebookExecutionSensor

CLUSTER_ID = "{{ ti.xcom_pull(task_ids='create_cluster') }}"

with DAG(
    dag_id="emr_notebook_report",
    schedule="@daily",
    start_date=datetime(2024, 5, 1),
    catchup=False,
    default_args={"retries": 0},
) as dag:
    create_cluster = EmrCreateJobFlowOperator(
        task_id="create_cluster",
        job_flow_overrides={
            "Name": "notebook-report",
            "ReleaseLabel": "emr-7.1.0",
            "Applications": [{"Name": "Spark"}, {"Name": "JupyterEnterpriseGateway"}],
            "Instances": {
                "InstanceGroups": [
                    {"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
                    {"Name": "Core", "InstanceRole": "CORE", "InstanceType": "m5.xlarge", "InstanceCount": 2},
                ],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
            "JobFlowRole": "EMR_EC2_DefaultRole",
            "ServiceRole": "EMR_DefaultRole",
        },
        wait_for_completion=True,
        waiter_delay=60,
    )

    # Both extracts may run at the same time on the cluster.
    scale = EmrModifyClusterOperator(
        task_id="allow_two_steps",
        cluster_id=CLUSTER_ID,
        step_concurrency_level=2,
    )

    extracts = EmrAddStepsOperator(
        task_id="extracts",
        job_flow_id=CLUSTER_ID,
        steps=[
            {
                "Name": f"extract-{table}-{{{{ ds_nodash }}}}",
                "ActionOnFailure": "CONTINUE",
                "HadoopJarStep": {
                    "Jar": "command-runner.jar",
                    "Args": ["spark-submit", "s3://company-code/extract.py", table, "{{ ds }}"],
                },
            }
            for table in ["orders", "customers"]
        ],
        wait_for_completion=True,
        waiter_delay=30,
    )

    run_report = EmrStartNotebookExecutionOperator(
        task_id="run_report",
        editor_id="e-BKTM2DIHXBEDRU44ANWRKIU8N",
        relative_path="reports/daily_sales.ipynb",
        cluster_id=CLUSTER_ID,
        service_role="EMR_Notebooks_DefaultRole",
        notebook_execution_name="daily-sales-{{ ds_nodash }}",
        notebook_params='{"day": "{{ ds }}"}',
        tags=[{"Key": "team", "Value": "sales-analytics"}],
    )

    watch_report = EmrNotebookExecutionSensor(
        task_id="watch_report",
        notebook_execution_id="{{ ti.xcom_pull(task_ids='run_report') }}",
        poke_interval=60,
        timeout=timedelta(hours=1),
    )

    terminate = EmrTerminateJobFlowOperator(
        task_id="terminate_cluster",
        job_flow_id=CLUSTER_ID,
        trigger_rule="all_done",
    )

    create_cluster >> scale >> extracts >> run_report >> watch_report >> terminate
