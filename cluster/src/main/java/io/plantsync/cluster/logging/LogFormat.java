package io.plantsync.cluster.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * Which console appender logback.xml includes ({@code log-format-<format>.xml}): {@code json} when
 * PLANTSYNC_LOG_FORMAT is {@code json} (any case; the container image sets it), {@code text}
 * otherwise. A misspelt value falls back to text rather than to a file that does not exist, which
 * would drop every log line.
 */
public final class LogFormat extends PropertyDefinerBase {

  static final String VARIABLE = "PLANTSYNC_LOG_FORMAT";

  @Override
  public String getPropertyValue() {
    String value = System.getProperty(VARIABLE, System.getenv(VARIABLE));
    return "json".equalsIgnoreCase(value == null ? null : value.trim()) ? "json" : "text";
  }
}
