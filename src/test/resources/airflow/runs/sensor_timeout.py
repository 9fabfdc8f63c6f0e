from datetime import datetime, timedelta
from airflow import DAG
from airflow.providers.amazon.aws.operators.emr_create_job_flow import EmrCreateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr_job_flow import EmrJobFlowSensor
from airflow.operators.dummy_operator import DummyOperator

# The cluster never terminates, so the sensor runs into its 20-minute timeout (never retried).

# Default arguments for the DAG
default_args = {
    'owner': 'airflow',
    'depends_on_past': False,
    'email_on_failure': False,
    'email_on_retry': False,
    'retries': 1,
    'retry_delay': timedelta(minutes=5),
}

# DAG definition
dag = DAG(
    'sensor_timeout',
    default_args=default_args,
    description='Orchestrate EMR jobs with Apache Airflow',
    schedule_interval=timedelta(days=1),
    start_date=datetime(2023, 7, 1),
    catchup=False,
)

# Create EMR cluster
create_emr_cluster = EmrCreateJobFlowOperator(
    task_id='create_emr_cluster',
    job_flow_overrides={
        'Name': 'MyEMRJob',
        'ReleaseLabel': 'emr-6.5.0',
        'Instances': {
            'InstanceGroups': [
                {
                    'InstanceRole': 'MASTER',
                    'InstanceCount': 1,
                    'InstanceType': 'm5.xlarge',
                    'Market': 'ON_DEMAND'
                }
            ],
            'Ec2KeyName': 'my-key-pair',
            'KeepJobFlowAliveWhenNoSteps': True
        },
        'Applications': [
            {
                'Name': 'Spark'
            }
        ],
        'VisibleToAllUsers': True
    },
    dag=dag,
)

# Wait for EMR job completion
wait_for_emr_job_completion = EmrJobFlowSensor(
    task_id='wait_for_emr_job_completion',
    job_flow_id="{{ task_instance.xcom_pull(task_ids='create_emr_cluster') }}",
    timeout=1200,
    dag=dag,
)

# Define task dependencies
create_emr_cluster >> wait_for_emr_job_completion
