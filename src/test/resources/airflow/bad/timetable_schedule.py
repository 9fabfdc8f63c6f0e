# expect: {file}:7:15: this schedule is not supported yet (presets, cron strings, timedelta and None are): 'CronTriggerTimetable("0 1 * * 3", timezone="UTC")' is only known when the DAG runs (call of 'airflow.timetables.trigger.CronTriggerTimetable' is not evaluated)
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.timetables.trigger import CronTriggerTimetable

with DAG("d", schedule=CronTriggerTimetable("0 1 * * 3", timezone="UTC"), start_date=datetime(2024, 1, 1)):
    EmptyOperator(task_id="a")
