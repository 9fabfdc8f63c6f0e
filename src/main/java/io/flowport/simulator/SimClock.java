package io.flowport.simulator;

import java.time.Instant;

/**
 * The simulator's only source of time. Embedded runs share a scaled clock with the Zeebe engine;
 * tests advance a manual one. The simulator never reads the system clock itself.
 */
public interface SimClock {
  Instant now();
}
