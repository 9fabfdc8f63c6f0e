# expect: {file}:6:28: error: 'dag=shared_dag' is not a DAG defined in this file [unknown-dag]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from company.dags import shared_dag
EmptyOperator(task_id='a', dag=shared_dag)
