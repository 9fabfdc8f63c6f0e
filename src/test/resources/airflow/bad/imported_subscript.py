# expect: {file}:4:22: warning: argument 'owner' of DAG 'd' is not known statically: SETTINGS["owner"] ('company.config.SETTINGS' is imported; its contents are not known statically) [dynamic-value]
from airflow import DAG
from company.config import SETTINGS
dag = DAG("d", owner=SETTINGS["owner"])
