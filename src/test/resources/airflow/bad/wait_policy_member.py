# expect: {file}:9:9: WaitPolicy has no member WAIT_FOR_TERMINATION (one of WaitPolicy.WAIT_FOR_COMPLETION, WaitPolicy.WAIT_FOR_STEPS_COMPLETION)
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.utils.waiter import WaitPolicy

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrCreateJobFlowOperator(task_id="create", job_flow_overrides={"Name": "c"},
        wait_policy=WaitPolicy.WAIT_FOR_TERMINATION)
