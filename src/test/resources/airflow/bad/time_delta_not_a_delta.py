# expect: {file}:7:37: delta must be a timedelta or seconds, but it is a str
from datetime import datetime
from airflow import DAG
from airflow.sensors.time_delta import TimeDeltaSensor

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    TimeDeltaSensor(task_id="wait", delta="one hour")
