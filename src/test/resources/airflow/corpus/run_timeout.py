"""A run with a one-hour dagrun_timeout whose late-data wait takes two: the scheduler fails the run and skips what is unfinished."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.time_delta import WaitSensor

with DAG("run_timeout", start_date=datetime(2026, 1, 1), schedule="@hourly", catchup=False,
         dagrun_timeout=timedelta(hours=1)):
    announce = EmptyOperator(task_id="announce")
    late_data = WaitSensor(task_id="late_data", time_to_wait=timedelta(hours=2))
    publish = EmptyOperator(task_id="publish")
    announce >> late_data >> publish
