# expect: {file}:7:70: soft_fail is not supported yet
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrJobFlowSensor(task_id="wait", job_flow_id="j-1", timeout=600, soft_fail=True)
