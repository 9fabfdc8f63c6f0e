# expect: {file}:5:9: invalid Python syntax near 'break'
from airflow import DAG
with DAG("d"):
    def f():
        break
