# expect: {file}:5:1: invalid Python syntax near 'a >> b >>'
from datetime import datetime
from airflow import DAG
from airflow.operators.empty import EmptyOperator
a >> b >>
