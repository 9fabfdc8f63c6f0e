# expect: {file}:6:52: warning: argument 'on_failure_callback' of task 'a' is not known statically: lambda context: print(context) (lambda functions are not evaluated) [dynamic-value]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('d'):
    EmptyOperator(task_id='a', on_failure_callback=lambda context: print(context))
