# expect: {file}:6:63: review FP410: user_defined_macros is not applied to templates: flowport renders them with Airflow's defaults, so a template that relies on it renders differently or fails
from datetime import datetime
from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1), user_defined_macros={"team": "finance"}):
    BashOperator(task_id="a", bash_command="echo {{ team }}")
