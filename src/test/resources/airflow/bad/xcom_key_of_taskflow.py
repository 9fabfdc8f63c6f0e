# expect: {file}:16:5: uses totals.output['total']: XCom key 'total' of task 'totals' is not one flowport knows (only return_value is)
from datetime import datetime
from airflow.decorators import dag, task


@dag(schedule=None, start_date=datetime(2024, 1, 1), catchup=False)
def d():
    @task(multiple_outputs=True)
    def totals():
        return {"total": 3}

    @task
    def load(total):
        print(total)

    load(totals()["total"])


d()
