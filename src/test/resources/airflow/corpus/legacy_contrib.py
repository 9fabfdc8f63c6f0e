"""Airflow 1.10 style: contrib imports, DummyOperator, schedule_interval, set_upstream/set_downstream."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.contrib.operators.emr_add_steps_operator import EmrAddStepsOperator
from airflow.contrib.operators.emr_create_job_flow_operator import EmrCreateJobFlowOperator
from airflow.contrib.operators.emr_terminate_job_flow_operator import EmrTerminateJobFlowOperator
from airflow.contrib.sensors.emr_step_sensor import EmrStepSensor
from airflow.operators.dummy_operator import DummyOperator

DEFAULT_ARGS = {
    "owner": "airflow",
    "depends_on_past": False,
    "start_date": datetime(2019, 6, 1),
    "email": ["ops@example.com"],
    "email_on_failure": False,
    "email_on_retry": False,
}

SPARK_TEST_STEPS = [
    {
        "Name": "calculate_pi",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["/usr/lib/spark/bin/run-example", "SparkPi", "10"]},
    }
]

JOB_FLOW_OVERRIDES = {
    "Name": "PiCalc",
    "ReleaseLabel": "emr-5.29.0",
    "Instances": {
        "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m4.large", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": True,
    },
}

dag = DAG(
    "legacy_contrib",
    default_args=DEFAULT_ARGS,
    dagrun_timeout=timedelta(hours=2),
    schedule_interval="0 3 * * *",
)

begin = DummyOperator(task_id="begin", dag=dag)

cluster_creator = EmrCreateJobFlowOperator(
    task_id="create_job_flow",
    job_flow_overrides=JOB_FLOW_OVERRIDES,
    aws_conn_id="aws_default",
    emr_conn_id="emr_default",
    dag=dag,
)

step_adder = EmrAddStepsOperator(
    task_id="add_steps",
    job_flow_id="{{ task_instance.xcom_pull(task_ids='create_job_flow', key='return_value') }}",
    aws_conn_id="aws_default",
    steps=SPARK_TEST_STEPS,
    dag=dag,
)

step_checker = EmrStepSensor(
    task_id="watch_step",
    job_flow_id="{{ task_instance.xcom_pull('create_job_flow', key='return_value') }}",
    step_id="{{ task_instance.xcom_pull(task_ids='add_steps', key='return_value')[0] }}",
    aws_conn_id="aws_default",
    dag=dag,
)

cluster_remover = EmrTerminateJobFlowOperator(
    task_id="remove_cluster",
    job_flow_id="{{ task_instance.xcom_pull(task_ids='create_job_flow', key='return_value') }}",
    aws_conn_id="aws_default",
    dag=dag,
)

end = DummyOperator(task_id="end", dag=dag)

cluster_creator.set_upstream(begin)
cluster_creator.set_downstream(step_adder)
step_adder.set_downstream(step_checker)
step_checker.set_downstream(cluster_remover)
end.set_upstream(cluster_remover)
