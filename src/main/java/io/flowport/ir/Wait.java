package io.flowport.ir;

import java.time.Duration;

/**
 * A poll loop: call {@code poll}, and while it reports pending, wait for the next interval.
 *
 * @param poll the job that checks the state (its acceptors are in its headers)
 * @param interval the poll interval
 * @param slowInterval a longer interval used after {@code slowAfterPolls} polls, or null
 * @param slowAfterPolls the number of polls at {@code interval} before {@code slowInterval}
 * @param timeout a timeout of the whole wait that is not retried (Airflow sensor timeout), or null
 * @param backoff whether the poll job sets each next interval (Airflow's exponential_backoff)
 */
public record Wait(Call poll, Duration interval, Duration slowInterval, int slowAfterPolls, Duration timeout, boolean backoff) {

  public Wait(Call poll, Duration interval, Duration slowInterval, int slowAfterPolls, Duration timeout) {
    this(poll, interval, slowInterval, slowAfterPolls, timeout, false);
  }
}
