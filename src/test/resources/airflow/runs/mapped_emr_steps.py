"""EmrAddStepsOperator mapped over three step lists: one instance per list, each adding and awaiting its own step."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)


def step(name):
    return {
        "Name": name,
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["spark-submit", f"s3://jobs/{name}.py"]},
    }


JOB_FLOW_OVERRIDES = {
    "Name": "Mapped",
    "ReleaseLabel": "emr-7.0.0",
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "Market": "ON_DEMAND", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": True,
        "TerminationProtected": False,
    },
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
}

with DAG(dag_id="mapped_emr_steps", start_date=datetime(2024, 1, 1), schedule=None, catchup=False) as dag:
    create = EmrCreateJobFlowOperator(task_id="create_job_flow", job_flow_overrides=JOB_FLOW_OVERRIDES)
    add = EmrAddStepsOperator.partial(task_id="add_steps", job_flow_id=create.output, wait_for_completion=True).expand(
        steps=[[step("daily")], [step("words")], [step("weekly")]],
    )
    remove = EmrTerminateJobFlowOperator(task_id="remove_cluster", job_flow_id=create.output, trigger_rule="all_done")
    create >> add >> remove
