# expect: {file}:2:1: warning: names imported by 'from airflow.operators.empty import *' are not known; uses of them are not understood [wildcard-import]
from airflow.operators.empty import *
from airflow import DAG
with DAG('d'):
    pass
