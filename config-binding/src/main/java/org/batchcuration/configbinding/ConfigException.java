package org.batchcuration.configbinding;

import java.util.Objects;

/**
 * A config that cannot be used: malformed JSON, an unknown field, a value of the wrong type or out
 * of range. The message reads {@code source: $.json.path: problem} (or {@code source: line L,
 * column C: problem} for malformed JSON; {@code source: problem} when the location is empty: a
 * problem of the whole file, or a {@code --set} override as the source). Bad input: the CLI exits
 * with code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String problem;

  public ConfigException(String source, String location, String problem) {
    this(source, location, problem, null);
  }

  public ConfigException(String source, String location, String problem, Throwable cause) {
    super(
        Objects.requireNonNull(source, "source")
            + ": "
            + (Objects.requireNonNull(location, "location").isEmpty() ? "" : location + ": ")
            + Objects.requireNonNull(problem, "problem"),
        cause);
    this.source = source;
    this.location = location;
    this.problem = problem;
  }

  /** The file name (or another label) the config came from. */
  public String source() {
    return source;
  }

  /** The JSON path ({@code $.train.epochs}), {@code line L, column C}, or empty. */
  public String location() {
    return location;
  }

  /** What was wrong. */
  public String problem() {
    return problem;
  }
}
