# expect: {file}:7:5: TimeDeltaSensor of task 'wait': missing keyword argument 'delta' (Airflow refuses the DAG file with TypeError)
from datetime import datetime
from airflow import DAG
from airflow.sensors.time_delta import TimeDeltaSensor

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    TimeDeltaSensor(task_id="wait")
