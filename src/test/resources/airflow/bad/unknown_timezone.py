# expect: {file}:4:60: unknown time zone 'Mars/Olympus'
import pendulum
from airflow import DAG
dag = DAG('d', start_date=pendulum.datetime(2024, 1, 1, tz='Mars/Olympus'))
