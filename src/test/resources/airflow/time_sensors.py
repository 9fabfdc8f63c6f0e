"""Time sensors as timers: an hour after the run's data_interval_end, tomorrow at noon, five minutes' rest."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.standard.sensors.date_time import DateTimeSensor
from airflow.providers.standard.sensors.time_delta import WaitSensor
from airflow.sensors.time_delta import TimeDeltaSensor

with DAG("time_sensors", start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    after = TimeDeltaSensor(task_id="an_hour_after", delta=timedelta(hours=1))
    at = DateTimeSensor(task_id="at_noon", target_time="{{ macros.ds_add(ds, 1) }}T12:00:00+00:00")
    rest = WaitSensor(task_id="rest", time_to_wait=5)
    too_late = DateTimeSensor(task_id="too_late", target_time="2099-01-01 00:00:00", timeout=timedelta(hours=2))
    garbled = DateTimeSensor(task_id="garbled", target_time="{{ ds }} at noon")
    done = EmptyOperator(task_id="done")
    after >> at >> rest >> done
