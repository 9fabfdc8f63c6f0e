# expect: {file}:9:3: error: dependency 'a' >> 'b' links DAG 'one' to DAG 'two'; not added [cross-dag-dependency]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
with DAG('one'):
    a = EmptyOperator(task_id='a')
with DAG('two'):
    b = EmptyOperator(task_id='b')
a >> b
