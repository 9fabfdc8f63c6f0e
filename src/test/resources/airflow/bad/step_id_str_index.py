# expect: {file}:10:27: warning FP201 [watch]: step_id uses ['StepIds'] on the XCom of 'create', but EmrCreateJobFlowOperator returns a str (the id itself): Airflow's strict templating fails this task with UndefinedError: 'str object' has no attribute 'StepIds' Fix: drop ['StepIds'][0]: "{{ ti.xcom_pull(task_ids='create') }}"
from datetime import datetime
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

with DAG("d", schedule=None, start_date=datetime(2024, 1, 1)):
    create = EmrCreateJobFlowOperator(task_id="create", job_flow_overrides={"Name": "x"})
    watch = EmrStepSensor(task_id="watch", job_flow_id=create.output,
                          step_id="{{ ti.xcom_pull(task_ids='create')['StepIds'][0] }}")
