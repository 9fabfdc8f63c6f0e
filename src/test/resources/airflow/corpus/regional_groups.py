"""One TaskGroup per region, built in a loop; one region's cluster fails to bootstrap."""
from datetime import datetime

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.task_group import TaskGroup

REGIONS = ["eu", "us"]


def overrides(region):
    return {
        "Name": f"sales-{region}",
        "ReleaseLabel": "emr-7.1.0",
        "Instances": {
            "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
            "KeepJobFlowAliveWhenNoSteps": False,
        },
        "Steps": [{"Name": f"sales-{region}", "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", "s3://code/sales.py"]}}],
    }


with DAG("regional_groups", schedule="@daily", start_date=datetime(2024, 1, 1), catchup=False) as dag:
    start = EmptyOperator(task_id="start")
    summary = EmptyOperator(task_id="summary", trigger_rule="all_done")
    merged = EmptyOperator(task_id="merged")
    for region in REGIONS:
        with TaskGroup(group_id=region) as group:
            run = EmrCreateJobFlowOperator(task_id="run", job_flow_overrides=overrides(region))
            done = EmrJobFlowSensor(
                task_id="done",
                job_flow_id=f"{{{{ ti.xcom_pull(task_ids='{region}.run') }}}}",
                poke_interval=60,
            )
            run >> done
        start >> group >> [summary, merged]
