"""Dynamic task mapping: TaskFlow and classic operators expanded over literals and XComs."""
from datetime import datetime, timedelta

from airflow.decorators import dag, task
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.task_group import TaskGroup
from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator, EmrServerlessStartJobOperator
from airflow.utils.trigger_rule import TriggerRule


@task
def list_files():
    return ["a.csv", "b.csv", "c.csv"]


@task(retries=1, retry_delay=timedelta(seconds=1))
def process(path, mode):
    return len(path)


@task
def total(sizes):
    return sum(sizes)


@task
def add(x, y):
    return x + y


@dag(dag_id="mapped_tasks", schedule=None, start_date=datetime(2024, 1, 1), catchup=False)
def mapped_tasks():
    files = list_files()
    sizes = process.partial(mode="fast").expand(path=files)
    summed = total(sizes)
    cleanup = EmptyOperator(task_id="cleanup", trigger_rule=TriggerRule.ALL_DONE)
    sizes >> cleanup
    pairs = add.override(task_id="pairs").expand(x=[1, 2], y=[10, 20])
    steps = EmrAddStepsOperator.partial(task_id="add_steps", job_flow_id="j-1", max_active_tis_per_dag=2).expand(
        steps=[[{"Name": "one", "ActionOnFailure": "CONTINUE",
                 "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["echo", "1"]}}]],
    )
    spark = EmrServerlessStartJobOperator.partial(
        task_id="spark_jobs", application_id="00app", execution_role_arn="arn:aws:iam::1:role/r",
    ).expand(job_driver=[{"sparkSubmit": {"entryPoint": f"s3://b/{name}.py"}} for name in ["daily", "weekly"]])
    summed >> pairs >> steps >> spark
    with TaskGroup("clusters") as clusters:
        EmrJobFlowSensor.partial(task_id="wait", poke_interval=30, timeout=600).expand(job_flow_id=["j-1", "j-2"])
    spark >> clusters


mapped_tasks()
