# expect: {file}:4:11: error: dag_id is not known statically: os.environ['DAG_ID'] (environment variable, read when the file is parsed); it is not in the model [dynamic-dag-id]
import os
from airflow import DAG
dag = DAG(os.environ['DAG_ID'])
