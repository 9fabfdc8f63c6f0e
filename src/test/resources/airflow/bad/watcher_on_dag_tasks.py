# expect: {file}:15:5: error: 'list(dag.tasks)' is not a task (call of builtin 'list' is not evaluated); the dependency is not added [not-a-task]
from datetime import datetime
from airflow import DAG
from airflow.decorators import task
from airflow.operators.empty import EmptyOperator


@task(trigger_rule="one_failed")
def watcher():
    raise Exception("a task failed")


with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)) as dag:
    EmptyOperator(task_id="a")
    list(dag.tasks) >> watcher()
