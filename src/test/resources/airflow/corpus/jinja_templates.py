"""Jinja in EMR arguments: ds, ds_nodash, macros, params, and a step id pulled by index."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

with DAG(
    dag_id="jinja_templates",
    schedule="@monthly",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    params={"bucket": "company-data", "env": "prod"},
    user_defined_macros={"team": "finance"},
) as dag:
    create = EmrCreateJobFlowOperator(
        task_id="create",
        job_flow_overrides={
            "Name": "monthly-{{ params.env }}-{{ ds_nodash }}",
            "ReleaseLabel": "emr-7.1.0",
            "LogUri": "s3://{{ params.bucket }}/logs/{{ logical_date.strftime('%Y/%m') }}/",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
            "Tags": [{"Key": "run", "Value": "{{ run_id }}"}, {"Key": "dag", "Value": "{{ dag.dag_id }}"}],
        },
    )
    add = EmrAddStepsOperator(
        task_id="add",
        job_flow_id="{{ ti.xcom_pull(task_ids='create') }}",
        steps=[
            {
                "Name": "close-month-{{ macros.ds_format(ds, '%Y-%m-%d', '%Y-%m') }}",
                "ActionOnFailure": "CONTINUE",
                "HadoopJarStep": {
                    "Jar": "command-runner.jar",
                    "Args": [
                        "spark-submit",
                        "s3://{{ params.bucket }}/code/close.py",
                        "--from", "{{ ds }}",
                        "--to", "{{ macros.ds_add(ds, 30) }}",
                        "--env", "{{ params.env | upper }}",
                    ],
                },
            }
        ],
    )
    watch = EmrStepSensor(
        task_id="watch",
        job_flow_id="{{ ti.xcom_pull(task_ids='create') }}",
        step_id="{{ ti.xcom_pull(task_ids='add') | first }}",
    )
    stop = EmrTerminateJobFlowOperator(
        task_id="stop", job_flow_id="{{ ti.xcom_pull(task_ids='create') }}", trigger_rule="all_done"
    )
    create >> add >> watch >> stop
