# expect: {file}:5:5: invalid Python syntax near 'return dag'
from airflow import DAG
dag = DAG("d")
if dag:
    return dag
