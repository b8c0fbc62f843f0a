package org.batchcuration.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Closed sets of config values are enums whose JSON name is their {@code toString()}: the
 * constant's name in lower case, {@code _} written {@code -} ({@code TOP_K} is {@code "top-k"}).
 * Such an enum overrides {@code toString()} with {@link #name(Enum)}; the runner's JSON binding
 * reads and writes enums by {@code toString()}, and a value outside the set is refused with {@code
 * must be one of [...], was "..."} on the field (the message {@link Checks#oneOf} gives for
 * strings). The API itself stays free of Jackson.
 *
 * <p>A constant marked {@link Deprecated} is an old name: it binds, so that the config's own check
 * can refuse it with a message naming the new one, but it is not listed among the allowed values.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** The JSON name of {@code value}: lower case, {@code _} as {@code -}. */
  public static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The allowed values of {@code type} as configs write them: its constants but old names. */
  public static List<String> names(Class<?> type) {
    List<String> out = new ArrayList<>();
    for (Object constant : type.getEnumConstants()) {
      if (!deprecated((Enum<?>) constant)) {
        out.add(constant.toString());
      }
    }
    return out;
  }

  /**
   * The constant of {@code type} that configs write {@code value} (old names included), else {@code
   * field: must be one of [...], was "value"}; {@code field: is required} when null.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    Checks.present(field, value);
    for (E constant : type.getEnumConstants()) {
      if (constant.toString().equals(value)) {
        return constant;
      }
    }
    throw new InvalidConfigException(
        field, "must be one of " + names(type) + ", was \"" + value + "\"");
  }

  private static boolean deprecated(Enum<?> constant) {
    try {
      return constant
          .getDeclaringClass()
          .getField(constant.name())
          .isAnnotationPresent(Deprecated.class);
    } catch (NoSuchFieldException e) {
      return false;
    }
  }
}
