"""A branch on a DAG param picks the full or the incremental load; the join runs after either."""
from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor


def choose_load(**context):
    return "full_load" if context["params"]["mode"] == "full" else "incremental_load"


with DAG(
    dag_id="branch_on_params",
    schedule="@daily",
    start_date=datetime(2024, 1, 1),
    catchup=False,
    params={"mode": "incremental", "table": "orders"},
) as dag:
    choose = BranchPythonOperator(task_id="choose", python_callable=choose_load)
    full_load = EmrCreateJobFlowOperator(
        task_id="full_load",
        job_flow_overrides={
            "Name": "full-{{ params.table }}",
            "ReleaseLabel": "emr-7.1.0",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.2xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": False,
            },
        },
    )
    full_done = EmrJobFlowSensor(task_id="full_done", job_flow_id=full_load.output)
    incremental_load = BashOperator(
        task_id="incremental_load",
        bash_command="load.sh --table {{ params.table }} --date {{ ds }}",
    )
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")
    choose >> [full_load, incremental_load]
    full_load >> full_done >> join
    incremental_load >> join
