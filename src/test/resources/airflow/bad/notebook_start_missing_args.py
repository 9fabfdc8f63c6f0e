# expect: {file}:7:5: EmrStartNotebookExecutionOperator of task 'run_report': missing keyword arguments 'relative_path', 'service_role' (Airflow refuses the DAG file with TypeError)
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrStartNotebookExecutionOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrStartNotebookExecutionOperator(task_id="run_report", editor_id="e-1", cluster_id="j-1")
