# expect: {file}:6:67: warning: argument 'bash_command' of task 'consume' is not known statically: f"echo {produce.output}" (XCom output of task 'produce') [dynamic-value]
from airflow import DAG
from airflow.operators.bash import BashOperator
with DAG("d"):
    produce = BashOperator(task_id="produce", bash_command="echo 1")
    consume = BashOperator(task_id="consume", bash_command=f"echo {produce.output}")
