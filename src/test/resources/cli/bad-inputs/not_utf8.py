from airflow import DAG
# café
