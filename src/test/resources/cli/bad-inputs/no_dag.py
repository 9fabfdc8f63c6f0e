from datetime import timedelta

RETRY_DELAY = timedelta(minutes=5)
