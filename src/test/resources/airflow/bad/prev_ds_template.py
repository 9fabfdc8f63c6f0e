# expect: {file}:8:25: task FP425 [add]: steps reads 'prev_ds', which needs Airflow's database or scheduler: the task fails with NotImplementedError when it renders
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrAddStepsOperator

with DAG("d", schedule="@daily", start_date=datetime(2024, 1, 1)):
    EmrAddStepsOperator(task_id="add", job_flow_id="j-1",
                        steps=[{"Name": "since {{ prev_ds }}", "HadoopJarStep": {"Jar": "x.jar"}}])
