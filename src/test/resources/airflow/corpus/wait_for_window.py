"""Wait for the load window before loading: TimeDeltaSensor after the data interval, a short WaitSensor, and a DateTimeSensor whose time has already passed."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.date_time import DateTimeSensor
from airflow.providers.standard.sensors.time_delta import TimeDeltaSensor, WaitSensor

default_args = {"retries": 1, "retry_delay": timedelta(minutes=2)}

with DAG("wait_for_window", start_date=datetime(2026, 1, 1), schedule="@daily", catchup=False,
         default_args=default_args):
    window = TimeDeltaSensor(task_id="window_open", delta=timedelta(minutes=30), deferrable=True)
    settle = WaitSensor(task_id="settle", time_to_wait=timedelta(minutes=2))
    past = DateTimeSensor(task_id="interval_end_passed", target_time="{{ data_interval_end }}")
    load = EmptyOperator(task_id="load")
    [window, past] >> settle >> load
