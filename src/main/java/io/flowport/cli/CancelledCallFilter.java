package io.flowport.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops the embedded engine's ERROR about answering a gRPC call its client had already cancelled
 * (a job worker's activation long poll, cancelled when a run ends or the poll times out): the
 * engine just could not deliver an empty answer; nothing was lost. Every other log passes.
 */
public final class CancelledCallFilter extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (!event.getLoggerName().startsWith("io.camunda.zeebe")) {
      return FilterReply.NEUTRAL;
    }
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      if (t.getMessage() != null && t.getMessage().startsWith("CANCELLED: call already cancelled")) {
        return FilterReply.DENY;
      }
    }
    return FilterReply.NEUTRAL;
  }
}
