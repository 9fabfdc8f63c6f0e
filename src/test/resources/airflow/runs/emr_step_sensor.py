"""EMR steps the amazon provider's way: add steps without waiting, watch one with a sensor, terminate."""
from datetime import datetime

from airflow import DAG
from airflow.providers.amazon.aws.operators.emr import (
    EmrAddStepsOperator,
    EmrCreateJobFlowOperator,
    EmrTerminateJobFlowOperator,
)
from airflow.providers.amazon.aws.sensors.emr import EmrStepSensor

SPARK_STEPS = [
    {
        "Name": "calculate_pi",
        "ActionOnFailure": "CONTINUE",
        "HadoopJarStep": {"Jar": "command-runner.jar", "Args": ["/usr/lib/spark/bin/run-example", "SparkPi", "10"]},
    }
]
JOB_FLOW_OVERRIDES = {
    "Name": "PiCalc",
    "ReleaseLabel": "emr-7.0.0",
    "Instances": {
        "InstanceGroups": [{"Name": "Primary node", "Market": "ON_DEMAND", "InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
        "KeepJobFlowAliveWhenNoSteps": True,
        "TerminationProtected": False,
    },
    "JobFlowRole": "EMR_EC2_DefaultRole",
    "ServiceRole": "EMR_DefaultRole",
}

with DAG(dag_id="emr_step_sensor", start_date=datetime(2024, 1, 1), schedule=None, catchup=False) as dag:
    create = EmrCreateJobFlowOperator(task_id="create_job_flow", job_flow_overrides=JOB_FLOW_OVERRIDES)
    add = EmrAddStepsOperator(task_id="add_steps", job_flow_id=create.output, steps=SPARK_STEPS)
    watch = EmrStepSensor(
        task_id="watch_step",
        job_flow_id=create.output,
        step_id="{{ task_instance.xcom_pull(task_ids='add_steps', key='return_value')[0] }}",
    )
    remove = EmrTerminateJobFlowOperator(task_id="remove_cluster", job_flow_id=create.output, trigger_rule="all_done")
    create >> add >> watch >> remove
