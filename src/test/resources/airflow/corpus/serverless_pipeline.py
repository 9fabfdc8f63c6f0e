"""EMR Serverless end to end with @dag: create (and start) the application, run a job, stop, delete."""
from datetime import datetime

from airflow.decorators import dag
from airflow.providers.amazon.aws.operators.emr import (
    EmrServerlessCreateApplicationOperator,
    EmrServerlessDeleteApplicationOperator,
    EmrServerlessStartJobOperator,
    EmrServerlessStopApplicationOperator,
)
from airflow.utils.trigger_rule import TriggerRule

ROLE_ARN = "arn:aws:iam::123456789012:role/emr-serverless-job"
BUCKET = "s3://company-serverless"


@dag(dag_id="serverless_pipeline", schedule="@weekly", start_date=datetime(2024, 1, 1), catchup=False)
def serverless_pipeline():
    create_app = EmrServerlessCreateApplicationOperator(
        task_id="create_app",
        job_type="SPARK",
        release_label="emr-7.1.0",
        config={"name": "weekly-report"},
        waiter_delay=30,
    )
    start_job = EmrServerlessStartJobOperator(
        task_id="start_job",
        application_id=create_app.output,
        execution_role_arn=ROLE_ARN,
        job_driver={
            "sparkSubmit": {
                "entryPoint": f"{BUCKET}/code/report.py",
                "entryPointArguments": ["--week", "{{ ds }}"],
            }
        },
        configuration_overrides={
            "monitoringConfiguration": {"s3MonitoringConfiguration": {"logUri": f"{BUCKET}/logs/"}}
        },
        config={"name": "weekly-report-{{ ds_nodash }}"},
        waiter_delay=30,
    )
    stop_app = EmrServerlessStopApplicationOperator(
        task_id="stop_app", application_id=create_app.output, waiter_delay=15
    )
    delete_app = EmrServerlessDeleteApplicationOperator(
        task_id="delete_app",
        application_id=create_app.output,
        waiter_delay=15,
        trigger_rule=TriggerRule.ALL_DONE,
    )
    create_app >> start_job >> stop_app >> delete_app


serverless_pipeline()
