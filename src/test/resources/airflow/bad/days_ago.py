# expect: {file}:6:27: warning: argument 'start_date' of DAG 'd' is not known statically: days_ago(2) (days_ago() depends on the time the file is parsed) [dynamic-value]
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
from airflow.utils.dates import days_ago
dag = DAG('d', start_date=days_ago(2))
