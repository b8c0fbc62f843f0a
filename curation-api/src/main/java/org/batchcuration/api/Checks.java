package org.batchcuration.api;

import java.util.Collection;
import java.util.Objects;

/**
 * Validation helpers for config records' compact constructors. Each failure throws {@link
 * InvalidConfigException} naming the field, so the runner can report {@code file: $.path.field:
 * message}.
 */
public final class Checks {
  private Checks() {}

  /**
   * {@code value} when {@code >= min}, else {@link InvalidConfigException} {@code field: must be >=
   * min, was value}.
   */
  public static int atLeast(String field, int value, int min) {
    if (value < min) {
      throw new InvalidConfigException(field, "must be >= " + min + ", was " + value);
    }
    return value;
  }

  /**
   * {@code value} when {@code >= min}, else {@link InvalidConfigException} {@code field: must be >=
   * min, was value}.
   */
  public static long atLeast(String field, long value, long min) {
    if (value < min) {
      throw new InvalidConfigException(field, "must be >= " + min + ", was " + value);
    }
    return value;
  }

  /**
   * {@code value} when finite and {@code >= min}, else {@link InvalidConfigException} {@code field:
   * must be >= min, was value} (NaN and infinities are refused).
   */
  public static double atLeast(String field, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      throw new InvalidConfigException(field, "must be >= " + min + ", was " + value);
    }
    return value;
  }

  /**
   * {@code value} when finite and {@code > 0}, else {@link InvalidConfigException} {@code field:
   * must be > 0, was value}.
   */
  public static double positive(String field, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new InvalidConfigException(field, "must be > 0, was " + value);
    }
    return value;
  }

  /**
   * {@code value} when in {@code [min, max]}, else {@link InvalidConfigException} {@code field:
   * must be in [min, max], was value}.
   */
  public static int inRange(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidConfigException(
          field, "must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /**
   * {@code value} when in {@code [min, max]} (NaN is refused), else {@link InvalidConfigException}
   * {@code field: must be in [min, max], was value}.
   */
  public static double inRange(String field, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new InvalidConfigException(
          field, "must be in [" + min + ", " + max + "], was " + value);
    }
    return value;
  }

  /** A probability or fraction: in [0, 1]. */
  public static double fraction(String field, double value) {
    return inRange(field, value, 0.0, 1.0);
  }

  /**
   * {@code value} when not null, else {@link InvalidConfigException} {@code field: is required}.
   */
  public static <T> T present(String field, T value) {
    if (value == null) {
      throw new InvalidConfigException(field, "is required");
    }
    return value;
  }

  /**
   * {@code value} when one of {@code allowed}, else {@link InvalidConfigException} {@code field:
   * must be one of [...], was "value"}. For closed sets prefer an enum ({@link ConfigValues}),
   * which the runner checks the same way.
   */
  public static String oneOf(String field, String value, Collection<String> allowed) {
    present(field, value);
    if (!allowed.contains(value)) {
      throw new InvalidConfigException(
          field, "must be one of " + allowed + ", was \"" + value + "\"");
    }
    return value;
  }

  /**
   * Nothing when {@code condition} holds, else {@link InvalidConfigException} {@code field:
   * message}.
   */
  public static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new InvalidConfigException(field, message);
    }
  }

  static void notNull(Object value, String name) {
    Objects.requireNonNull(value, name);
  }
}
