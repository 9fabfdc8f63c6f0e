"""BranchPythonOperator and @task.branch: the XCom chooses which direct downstream tasks run."""
from datetime import datetime

from airflow import DAG
from airflow.decorators import task
from airflow.operators.bash import BashOperator
from airflow.operators.empty import EmptyOperator
from airflow.operators.python import BranchPythonOperator


def choose_path(**context):
    return "fast" if context["params"].get("small") else "slow"


@task.branch(task_id="route_report")
def route():
    return ["mail", "chat"]


with DAG(dag_id="branching", schedule=None, start_date=datetime(2024, 1, 1), catchup=False):
    start = EmptyOperator(task_id="start")
    pick = BranchPythonOperator(task_id="pick", python_callable=choose_path)
    fast = BashOperator(task_id="fast", bash_command="echo fast")
    slow = EmptyOperator(task_id="slow")
    after_slow = EmptyOperator(task_id="after_slow")
    join = EmptyOperator(task_id="join", trigger_rule="none_failed_min_one_success")
    mail = EmptyOperator(task_id="mail")
    chat = EmptyOperator(task_id="chat")
    page = EmptyOperator(task_id="page")
    start >> pick >> [fast, slow]
    slow >> after_slow
    [fast, after_slow] >> join >> route() >> [mail, chat, page]
