package io.flowport.ir;

import java.time.Duration;

/**
 * A timer after a call that computed until when to wait (Airflow's TimeDeltaSensor and
 * DateTimeSensor: the call renders the target time, the timer waits until it).
 *
 * @param variable the variable holding the ISO 8601 date and time the call computed
 * @param label the timer's name
 * @param timeout a timeout of the whole wait that is not retried (the sensor's timeout), or null
 */
public record Pause(String variable, String label, Duration timeout) {}
