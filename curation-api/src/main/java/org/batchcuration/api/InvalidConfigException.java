package org.batchcuration.api;

import java.util.Objects;

/**
 * A config value that a record's constructor refused. {@link #field()} is relative to the record
 * (for example {@code poolFactor}); the runner prefixes the JSON path of the record and the file.
 * Bad input: the CLI exits with code 2.
 */
public class InvalidConfigException extends IllegalArgumentException {
  private final String field;
  private final String problem;

  public InvalidConfigException(String field, String problem) {
    super(
        Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(problem, "problem"));
    this.field = field;
    this.problem = problem;
  }

  /** The record component (or dotted sub-path) that was wrong. */
  public String field() {
    return field;
  }

  /** What was wrong, for example {@code must be >= 1.0, was 0.5}. */
  public String problem() {
    return problem;
  }
}
