package io.flowport.catalog;

/**
 * How a failed wait is reported.
 *
 * @param error the ASL error name or Python exception type, e.g. {@code States.TaskFailed}
 * @param cause a message template; {@code {Dotted.Path}} is replaced by that response value
 */
public record Failure(String error, String cause) {}
