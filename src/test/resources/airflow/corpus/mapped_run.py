"""A mapped TaskFlow task over an upstream XCom, a downstream that checks the mapped XCom, and an all_done task."""
from datetime import datetime, timedelta

from airflow.decorators import dag, task
from airflow.operators.bash import BashOperator


@task
def list_files():
    return ["a.csv", "b.csv", "c.csv"]


@task(retries=1, retry_delay=timedelta(seconds=1))
def process(path):
    return len(path)


@task(trigger_rule="all_done")
def finish():
    return None


@dag(dag_id="mapped_run", schedule=None, start_date=datetime(2024, 1, 1), catchup=False)
def mapped_run():
    sizes = process.expand(path=list_files())
    # Fails with UndefinedError unless the mapped task's XCom is the instances' results in map index order.
    check = BashOperator(
        task_id="check",
        bash_command="{% if ti.xcom_pull(task_ids='process') | list != [1, 2, 3] %}{{ xcom_is_not_the_list }}{% endif %}",
    )
    sizes >> check
    sizes >> finish()
    # Literal mapped values are rendered per instance; each fails with UndefinedError unless ti.map_index is its own.
    BashOperator.partial(task_id="echo").expand(bash_command=[
        "{% if ti.map_index != 0 %}{{ wrong_map_index }}{% endif %}",
        "{% if ti.map_index != 1 %}{{ wrong_map_index }}{% endif %}",
    ])


mapped_run()
