package org.batchcuration.runner.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * An SLF4J logger that records INFO, WARN and ERROR events in the {@link EngineLog} as {@code
 * HH:mm:ss.SSS LEVEL [thread] name - message}, followed by the stack trace of a throwable. DEBUG
 * and TRACE are off. Thread-safe.
 */
final class EngineLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  EngineLogger(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return false;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable thrown) {
    String message = MessageFormatter.basicArrayFormat(pattern, args);
    StringBuilder line =
        new StringBuilder()
            .append(LocalTime.now().format(TIME))
            .append(' ')
            .append(level)
            .append(" [")
            .append(Thread.currentThread().getName())
            .append("] ")
            .append(name)
            .append(" - ")
            .append(message);
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    EngineLog.add(line.toString());
  }
}
