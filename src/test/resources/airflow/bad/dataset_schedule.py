# expect: {file}:6:15: this schedule is not supported yet (presets, cron strings, timedelta and None are): it is a list
from datetime import datetime
from airflow import DAG, Dataset
from airflow.operators.empty import EmptyOperator

with DAG("d", schedule=[Dataset("s3://bucket/orders/")], start_date=datetime(2024, 1, 1)):
    EmptyOperator(task_id="a")
