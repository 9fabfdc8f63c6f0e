# expect: {file}:9:15: error: 'delete' is not a task (method 'as_teardown' is not evaluated); the dependency is not added [not-a-task]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    create = EmptyOperator(task_id="create")
    delete = EmptyOperator(task_id="delete").as_teardown(setups=create)
    create >> delete
