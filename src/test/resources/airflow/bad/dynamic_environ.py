# expect: {file}:6:30: warning: argument 'tags' of DAG 'd' is not known statically: os.environ['TEAM'] (environment variable, read when the file is parsed) [dynamic-value]
import os
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
dag = DAG('d', tags=['team', os.environ['TEAM']])
