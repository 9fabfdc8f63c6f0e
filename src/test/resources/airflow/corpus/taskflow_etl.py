"""TaskFlow ETL with params: extract retries once after a flaky source, the rest pass XComs along."""
import pendulum
from datetime import timedelta

from airflow.decorators import dag, task


@dag(
    schedule="@daily",
    start_date=pendulum.datetime(2024, 1, 1, tz="UTC"),
    catchup=False,
    params={"source": "orders", "min_rows": 10},
    default_args={"retries": 1, "retry_delay": timedelta(seconds=30)},
    tags=["taskflow"],
)
def taskflow_etl():
    @task
    def extract(params=None):
        return {"1001": 301.27, "1002": 433.21, "1003": 502.22}

    @task
    def transform(order_data: dict):
        return sum(order_data.values())

    @task(retries=0)
    def load(total_order_value: float):
        print(f"Total order value is: {total_order_value:.2f}")

    load(transform(extract()))


taskflow_etl()
