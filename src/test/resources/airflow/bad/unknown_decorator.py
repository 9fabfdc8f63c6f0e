# expect: {file}:5:1: warning: decorator '@lru_cache' is not understood; 'cached' is read without it [unknown-decorator]
from functools import lru_cache
from airflow.decorators import task

@lru_cache
@task
def cached():
    return 1
