"""chain() with lists, cross_downstream and << in one DAG of EmptyOperators around one cluster."""
from datetime import datetime

from airflow import DAG
from airflow.models.baseoperator import chain, cross_downstream
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator

with DAG(dag_id="chain_fanout", schedule="@hourly", start_date=datetime(2024, 1, 1), catchup=False) as dag:
    start = EmptyOperator(task_id="start")
    cluster = EmrCreateJobFlowOperator(
        task_id="cluster",
        job_flow_overrides={
            "Name": "fanout",
            "ReleaseLabel": "emr-7.1.0",
            "Instances": {
                "InstanceGroups": [{"InstanceRole": "MASTER", "InstanceType": "m5.xlarge", "InstanceCount": 1}],
                "KeepJobFlowAliveWhenNoSteps": True,
            },
        },
    )
    extract_a = EmptyOperator(task_id="extract_a")
    extract_b = EmptyOperator(task_id="extract_b")
    clean_a = EmptyOperator(task_id="clean_a")
    clean_b = EmptyOperator(task_id="clean_b")
    load_x = EmptyOperator(task_id="load_x")
    load_y = EmptyOperator(task_id="load_y")
    stop = EmrTerminateJobFlowOperator(task_id="stop", job_flow_id=cluster.output)

    chain(start, cluster, [extract_a, extract_b], [clean_a, clean_b])
    cross_downstream([clean_a, clean_b], [load_x, load_y])
    stop << [load_x, load_y]
