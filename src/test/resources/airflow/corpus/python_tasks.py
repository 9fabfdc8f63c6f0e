"""TaskFlow and classic operators whose work is the user's code, around an EMR cluster."""
from datetime import datetime, timedelta

from airflow.decorators import dag, task
from airflow.operators.bash import BashOperator
from airflow.operators.python import PythonOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.slack.operators.slack_webhook import SlackWebhookOperator


JOB_FLOW_OVERRIDES = {
    "Name": "nightly",
    "ReleaseLabel": "emr-7.1.0",
    "Applications": [{"Name": "Spark"}],
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "Market": "ON_DEMAND", "InstanceRole": "MASTER",
                            "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": False,
    },
}


def build_overrides(env, **context):
    return {"Name": f"nightly-{env}"}


@task
def extract():
    return {"rows": 42}


@task(retries=2, retry_delay=timedelta(seconds=1))
def transform(data, factor=1):
    return data["rows"] * factor


@dag(dag_id="python_tasks", schedule=None, start_date=datetime(2024, 1, 1), catchup=False)
def python_tasks():
    overrides = PythonOperator(task_id="overrides", python_callable=build_overrides, op_kwargs={"env": "prod"})
    create = EmrCreateJobFlowOperator(task_id="create_cluster", job_flow_overrides=JOB_FLOW_OVERRIDES)
    report = BashOperator(task_id="report", bash_command="echo {{ ds }} {{ ti.xcom_pull(task_ids='create_cluster') }}")
    notify = SlackWebhookOperator(task_id="notify", slack_webhook_conn_id="slack", message="done")
    rows = transform.override(task_id="count_rows")(extract(), factor=2)
    overrides >> create >> report >> notify
    rows >> report


python_tasks()
