# expect: {file}:4:1: warning: @dag function 'forgotten' is never called, so Airflow does not create its DAG [dag-not-called]
from airflow.decorators import dag

@dag(schedule=None)
def forgotten():
    pass
