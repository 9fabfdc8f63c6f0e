# expect: {file}:3:10: invalid Python syntax near '('
from airflow import DAG
dag = DAG(
    'x',
