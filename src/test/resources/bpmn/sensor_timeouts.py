# A sensor with an execution timeout, a sensor timeout and retries: its task gets three boundary
# events; and two branches that meet again, for the layout tests.
from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor

with DAG(
    'sensor_timeouts',
    schedule='@daily',
    start_date=datetime(2024, 1, 1),
    default_args={'retries': 2, 'retry_delay': timedelta(minutes=2)},
) as dag:
    begin = EmptyOperator(task_id='begin')
    create = EmrCreateJobFlowOperator(
        task_id='create_cluster', job_flow_overrides={'Name': 'layout'}, execution_timeout=timedelta(minutes=30),
    )
    watch = EmrJobFlowSensor(
        task_id='watch_cluster',
        job_flow_id="{{ task_instance.xcom_pull(task_ids='create_cluster') }}",
        execution_timeout=timedelta(hours=2),
        timeout=3600,
        poke_interval=120,
    )
    side = EmptyOperator(task_id='side_branch')
    terminate = EmrTerminateJobFlowOperator(
        task_id='terminate_cluster',
        job_flow_id="{{ task_instance.xcom_pull(task_ids='create_cluster') }}",
    )
    begin >> [create, side]
    create >> watch >> terminate
    side >> terminate
