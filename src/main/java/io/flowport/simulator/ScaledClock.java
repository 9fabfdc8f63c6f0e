package io.flowport.simulator;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Wall time that runs {@code 1/scale} times faster from the moment the clock is made, for a
 * simulator on its own ({@code flowport simulator}): at 1/60 a 240 s STARTING phase takes 4 wall
 * seconds. Embedded runs use the engine's clock instead, so that both move together.
 */
public final class ScaledClock implements SimClock {

  private final Instant origin;
  private final LongSupplier nanos;
  private final long originNanos;
  private final double scale;

  /** @param scale wall seconds per source second, in (0, 1]; 1 is real time */
  public ScaledClock(double scale) {
    this(Instant.now(), System::nanoTime, scale);
  }

  ScaledClock(Instant origin, LongSupplier nanos, double scale) {
    if (!(scale > 0 && scale <= 1)) {
      throw new IllegalArgumentException("time scale must be in (0, 1], got " + scale);
    }
    this.origin = origin;
    this.nanos = nanos;
    this.originNanos = nanos.getAsLong();
    this.scale = scale;
  }

  @Override
  public Instant now() {
    // nanoTime, not currentTimeMillis: source time never goes back when the wall clock is set.
    return origin.plusNanos(Math.round((nanos.getAsLong() - originNanos) / scale));
  }
}
