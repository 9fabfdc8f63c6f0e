# Trigger rules on Zeebe: one cluster comes up, the other fails to bootstrap (the test's simulator
# scenario), and the tasks after them run or not as Airflow's trigger rules decide.
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.providers.amazon.aws.operators.emr import EmrCreateJobFlowOperator, EmrTerminateJobFlowOperator
from airflow.providers.amazon.aws.sensors.emr import EmrJobFlowSensor
from airflow.utils.trigger_rule import TriggerRule

CLUSTER = {
    'ReleaseLabel': 'emr-6.5.0',
    'Instances': {
        'InstanceGroups': [{'InstanceRole': 'MASTER', 'InstanceCount': 1, 'InstanceType': 'm5.xlarge'}],
        'KeepJobFlowAliveWhenNoSteps': True,
    },
    'AutoTerminationPolicy': {'IdleTimeout': 180},
}

with DAG('trigger_rules', start_date=datetime(2026, 1, 1), schedule=None, catchup=False):
    create_ok = EmrCreateJobFlowOperator(task_id='create_ok', job_flow_overrides={**CLUSTER, 'Name': 'healthy'})
    watch_ok = EmrJobFlowSensor(task_id='watch_ok', job_flow_id="{{ ti.xcom_pull(task_ids='create_ok') }}", target_states=['WAITING'])
    create_bad = EmrCreateJobFlowOperator(task_id='create_bad', job_flow_overrides={**CLUSTER, 'Name': 'broken'})
    watch_bad = EmrJobFlowSensor(task_id='watch_bad', job_flow_id="{{ ti.xcom_pull(task_ids='create_bad') }}", target_states=['WAITING'])

    any_up = EmptyOperator(task_id='any_up', trigger_rule=TriggerRule.ONE_SUCCESS)
    both_up = EmptyOperator(task_id='both_up')
    alert = EmptyOperator(task_id='alert', trigger_rule='one_failed')
    only_if_down = EmptyOperator(task_id='only_if_down', trigger_rule='all_failed')
    after_skip = EmptyOperator(task_id='after_skip', trigger_rule='none_failed_min_one_success')
    after_skip_strict = EmptyOperator(task_id='after_skip_strict', trigger_rule='none_skipped')
    cleanup = EmrTerminateJobFlowOperator(task_id='cleanup', job_flow_id="{{ ti.xcom_pull(task_ids='create_ok') }}", trigger_rule='all_done')

    create_ok >> watch_ok
    create_bad >> watch_bad
    [watch_ok, watch_bad] >> any_up
    [watch_ok, watch_bad] >> both_up
    [watch_ok, watch_bad] >> alert
    watch_ok >> only_if_down >> [after_skip, after_skip_strict]
    [any_up, both_up, alert, after_skip, after_skip_strict] >> cleanup
