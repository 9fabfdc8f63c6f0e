# expect: {file}:6:7: duplicate dag_id 'same' (first defined at {file}:5:7)
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
one = DAG('same')
two = DAG(dag_id='same')
