package io.flowport.embedded;

/** Start-up phase timings on stderr when FLOWPORT_DEBUG is set, to see where a run's time goes. */
final class Timing {

  static void log(String what, long startNanos) {
    if (System.getenv("FLOWPORT_DEBUG") != null) {
      System.err.printf("debug: %s in %.2f s (JVM up %.2f s)%n", what, (System.nanoTime() - startNanos) / 1e9,
          java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
    }
  }

  private Timing() {}
}
