# expect: {file}:7:63: review FP410: params entry 'days' is not known statically: 'Param(5, type="integer")' is only known when the DAG runs (call of 'airflow.models.param.Param' is not evaluated); a template that uses it fails with UndefinedError
from datetime import datetime
from airflow import DAG
from airflow.models.param import Param
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1), params={"env": "prod", "days": Param(5, type="integer")}):
    EmptyOperator(task_id="a")
