# expect: {file}:7:5: EmrModifyClusterOperator of task 'scale': missing keyword argument 'step_concurrency_level' (Airflow refuses the DAG file with TypeError)
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrModifyClusterOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrModifyClusterOperator(task_id="scale", cluster_id="j-1")
