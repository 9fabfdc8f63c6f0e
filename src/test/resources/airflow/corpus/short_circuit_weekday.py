"""@task.short_circuit: on a holiday nothing downstream runs, not even the all_done cleanup."""
from datetime import datetime

from airflow.decorators import dag, task
from airflow.operators.empty import EmptyOperator


@dag(schedule="0 7 * * *", start_date=datetime(2024, 1, 1), catchup=False, tags=["calendar"])
def short_circuit_weekday():
    @task.short_circuit
    def is_business_day(ds=None):
        return ds not in {"2024-12-25", "2025-01-01"}

    @task
    def build_report():
        return "s3://reports/daily.csv"

    @task(trigger_rule="all_done")
    def cleanup():
        return None

    publish = EmptyOperator(task_id="publish")
    report = build_report()
    is_business_day() >> report >> publish >> cleanup()


short_circuit_weekday()
