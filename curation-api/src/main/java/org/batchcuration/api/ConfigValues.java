package org.batchcuration.api;

import java.util.Locale;

/**
 * Closed sets of config values are enums whose JSON name is their {@code toString()}: the
 * constant's name in lower case, {@code _} written {@code -} ({@code TOP_K} is {@code "top-k"}).
 * Such an enum overrides {@code toString()} with {@link #name(Enum)}; the runner's JSON binding
 * reads and writes enums by {@code toString()}, and a value outside the set is refused with {@code
 * must be one of [...], was "..."} on the field (the message {@link Checks#oneOf} gives for
 * strings). The API itself stays free of Jackson.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** The JSON name of {@code value}: lower case, {@code _} as {@code -}. */
  public static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
