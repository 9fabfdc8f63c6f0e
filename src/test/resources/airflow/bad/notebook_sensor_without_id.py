# expect: {file}:10:5: EmrNotebookExecutionSensor of task 'watch': missing keyword argument 'notebook_execution_id' (Airflow refuses the DAG file with TypeError)
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.sensors.emr import EmrNotebookExecutionSensor

# default_args fill required arguments in Airflow, but nothing here gives the execution id.
default_args = {"poke_interval": 30, "retries": 1}

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1), default_args=default_args):
    EmrNotebookExecutionSensor(task_id="watch", target_states=["FINISHED"])
