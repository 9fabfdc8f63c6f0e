package io.flowport.emr;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK retry strategy of the workers' EMR clients: adaptive, so that a worker whose calls are
 * throttled slows its own rate (one client-side token bucket per client, shared by all its job
 * threads) instead of spending its attempts on ThrottlingExceptions, and with more attempts than
 * its default 3 (the legacy mode's 4, plus one), so that the throttled attempts left do not use up
 * the retries a 5xx answer needs. What is
 * still failing after them goes back to Zeebe (job retries with back-off).
 */
public final class EmrRetries {

  /** Attempts per call, the first one included. */
  public static final int MAX_ATTEMPTS = 5;

  private EmrRetries() {}

  /** A new strategy: each client needs its own, as it holds that client's rate state. */
  public static RetryStrategy strategy() {
    return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(MAX_ATTEMPTS).build();
  }
}
