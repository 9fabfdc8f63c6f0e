"""EMR notebooks: a profiling notebook waited for until it runs and then stopped, and a weekly
notebook that fails, so its sensor raises with the execution's reason."""
from datetime import datetime

from airflow.decorators import dag
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import (
    EmrCreateJobFlowOperator,
    EmrStartNotebookExecutionOperator,
    EmrStopNotebookExecutionOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrNotebookExecutionSensor

EDITOR_ID = "e-C9ZY9CMD24CCF4F2B4UZ7D7MA"
ROLE = "EMR_Notebooks_DefaultRole"


@dag(schedule="0 6 * * 1", start_date=datetime(2024, 5, 6), catchup=False)
def emr_notebook_fails():
    cluster = EmrCreateJobFlowOperator(
        task_id="create_cluster",
        job_flow_overrides={
            "Name": "weekly-notebooks",
            "ReleaseLabel": "emr-7.1.0",
            "Instances": {
                "InstanceGroups": [
                    {"Name": "Primary", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1},
                ],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
            "JobFlowRole": "EMR_EC2_DefaultRole",
            "ServiceRole": "EMR_DefaultRole",
        },
        wait_for_completion=True,
    )

    # Waits only until the execution RUNS (the provider's notebook_running waiter), then stops it.
    profile = EmrStartNotebookExecutionOperator(
        task_id="start_profile",
        editor_id=EDITOR_ID,
        relative_path="profiling/profile_tables.ipynb",
        cluster_id=cluster.output,
        service_role=ROLE,
        notebook_execution_name="profile-{{ ds_nodash }}",
        wait_for_completion=True,
        waiter_delay=30,
        waiter_max_attempts=10,
    )
    stop_profile = EmrStopNotebookExecutionOperator(
        task_id="stop_profile",
        notebook_execution_id=profile.output,
        wait_for_completion=True,
        waiter_delay=15,
    )

    weekly = EmrStartNotebookExecutionOperator(
        task_id="start_weekly",
        editor_id=EDITOR_ID,
        relative_path="reports/weekly_kpis.ipynb",
        cluster_id=cluster.output,
        service_role=ROLE,
        notebook_execution_name="weekly-kpis-{{ ds_nodash }}",
    )
    watch_weekly = EmrNotebookExecutionSensor(
        task_id="watch_weekly",
        notebook_execution_id=weekly.output,
        poke_interval=60,
        mode="reschedule",
    )
    publish = EmptyOperator(task_id="publish_kpis")

    terminate = EmrTerminateJobFlowOperator(
        task_id="terminate_cluster",
        job_flow_id=cluster.output,
        trigger_rule="all_done",
    )

    cluster >> [profile, weekly]
    profile >> stop_profile
    weekly >> watch_weekly >> publish
    [stop_profile, watch_weekly] >> terminate


emr_notebook_fails()
