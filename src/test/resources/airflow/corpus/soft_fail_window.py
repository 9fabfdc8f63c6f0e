"""An optional enrichment that only runs if its data lands within half an hour: soft_fail skips it instead of failing the run."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.time_delta import WaitSensor

with DAG("soft_fail_window", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    report = EmptyOperator(task_id="report")
    optional_data = WaitSensor(task_id="optional_data", time_to_wait=timedelta(hours=2),
                               timeout=timedelta(minutes=30), soft_fail=True)
    enrich = EmptyOperator(task_id="enrich")
    optional_data >> enrich
