package io.flowport.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** Only the engine's ERROR about answering an already cancelled gRPC call is dropped. */
class CancelledCallFilterTest {

  final LoggerContext context = new LoggerContext();
  final CancelledCallFilter filter = new CancelledCallFilter();

  LoggingEvent event(String logger, Throwable t) {
    return new LoggingEvent("x", context.getLogger(logger), Level.ERROR, "Expected to execute side effects", t, null);
  }

  @Test
  void dropsTheCancelledCallErrorOfTheEngine() {
    Throwable cancelled = new RuntimeException(new IllegalStateException(
        "CANCELLED: call already cancelled. Use ServerCallStreamObserver.setOnCancelHandler() to disable this exception"));
    assertThat(filter.decide(event("io.camunda.zeebe.processor", cancelled))).isEqualTo(FilterReply.DENY);
  }

  @Test
  void keepsOtherErrorsAndOtherLoggers() {
    assertThat(filter.decide(event("io.camunda.zeebe.processor", new IllegalStateException("disk full"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.flowport.worker", new IllegalStateException("CANCELLED: call already cancelled"))))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(event("io.camunda.zeebe.processor", null))).isEqualTo(FilterReply.NEUTRAL);
  }
}
