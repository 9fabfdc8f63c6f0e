package io.flowport.runtime.airflow;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Airflow's exponential back-off with its deterministic jitter: sha1 of
 * {@code "<dag_id>#<task_id>#<date>#<count>"} modulo the minimum back-off, added to it.
 * Retries follow {@code TaskInstance.next_retry_datetime} (Airflow 2.10 and 3), sensors
 * {@code BaseSensorOperator._get_next_poke_interval} (task SDK).
 */
public final class Backoff {

  /** Airflow's [core] max_task_retry_delay default (abstractoperator.MAX_RETRY_DELAY): 24 hours. */
  public static final long MAX_RETRY_DELAY_S = 24 * 60 * 60;

  /** Python's {@code timedelta.max.total_seconds() - 1}. */
  private static final double TIMEDELTA_MAX_S = 999999999.0 * 86400 + 86399.999999 - 1;

  private Backoff() {}

  /**
   * The delay before the retry that follows failed try {@code tryNumber} (1-based).
   *
   * @param multiplier the back-off base: 2 for {@code retry_exponential_backoff=True}
   * @param max {@code max_retry_delay}, or null
   */
  public static Duration retryDelay(String dagId, String taskId, Instant logicalDate, int tryNumber, Duration retryDelay,
      double multiplier, Duration max) {
    double scaled = seconds(retryDelay) * Math.pow(multiplier, tryNumber - 1);
    // Python's ** overflows to OverflowError, which Airflow turns into MAX_RETRY_DELAY; so does a huge minimum.
    long min = Double.isFinite(scaled) && scaled < MAX_RETRY_DELAY_S ? (long) Math.ceil(scaled) : MAX_RETRY_DELAY_S;
    min = Math.max(min, 1);
    long modded = min + jitter(dagId + "#" + taskId + "#" + pythonStr(logicalDate) + "#" + tryNumber, min);
    Duration delay = Duration.ofSeconds(Math.min(modded, MAX_RETRY_DELAY_S));
    // max_retry_delay is only read when truthy: timedelta(0) and None leave the delay uncapped.
    return max != null && !max.isZero() && max.compareTo(delay) < 0 ? max : delay;
  }

  /**
   * A sensor's wait after poke {@code pokeCount} (1-based) failed, in seconds.
   *
   * @param startedAt what the sensor hashes as its start (see {@link #pythonStr(Instant)})
   * @param runDuration seconds since the sensor started
   * @param maxWait {@code max_wait} in seconds, or null
   */
  public static double pokeInterval(String dagId, String taskId, String startedAt, int pokeCount, double pokeInterval,
      double timeout, double runDuration, Double maxWait) {
    double scaled = pokeInterval * Math.pow(2, pokeCount - 2);
    long min = Math.max(scaled >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE / 2 : (long) scaled, 1);
    long modded = min + jitter(dagId + "#" + taskId + "#" + startedAt + "#" + pokeCount, min);
    double delay = Math.min(modded, TIMEDELTA_MAX_S);
    double next = Math.min(timeout - (long) runDuration, delay);
    if (maxWait != null && maxWait != 0) {
      next = Math.min(maxWait, next);
    }
    return next;
  }

  /** {@code int(sha1(text).hexdigest(), 16) % modulus}. */
  static long jitter(String text, long modulus) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return new BigInteger(1, digest).mod(BigInteger.valueOf(modulus)).longValueExact();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  /**
   * Python's {@code str()} of an aware UTC datetime, as Airflow's database hands dates back:
   * {@code 2024-01-01 00:00:00+00:00}, with {@code .ffffff} only when there are microseconds.
   */
  public static String pythonStr(Instant t) {
    LocalDateTime d = LocalDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String out = String.format("%04d-%02d-%02d %02d:%02d:%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth(),
        d.getHour(), d.getMinute(), d.getSecond());
    int micros = d.getNano() / 1000;
    return out + (micros == 0 ? "" : String.format(".%06d", micros)) + "+00:00";
  }

  /** {@code timedelta.total_seconds()}: whole microseconds. */
  static double seconds(Duration d) {
    long micros = d.getSeconds() * 1_000_000 + d.getNano() / 1000;
    return micros / 1e6;
  }
}
