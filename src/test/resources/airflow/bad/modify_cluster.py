# expect: {file}:7:5: task FP417 [scale]: operator airflow.providers.amazon.aws.operators.emr.EmrModifyClusterOperator is in no catalog: task 'scale' became a service task of job type airflow.operator.EmrModifyClusterOperator; its arguments [cluster_id, step_concurrency_level] reach the worker as written (no template is rendered) Fix: write a job worker for airflow.operator.EmrModifyClusterOperator that does what EmrModifyClusterOperator does, or add the operator to a catalog file (see converters/)
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrModifyClusterOperator

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    EmrModifyClusterOperator(task_id="scale", cluster_id="j-1", step_concurrency_level=4)
