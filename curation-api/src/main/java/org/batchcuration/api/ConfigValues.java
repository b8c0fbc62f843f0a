package org.batchcuration.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

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

  /**
   * The name of {@code known} closest to {@code given} by edit distance (case ignored), for "did
   * you mean" hints: empty when none is within {@code max(2, given.length() / 3)} edits, or when
   * {@code given} is itself known. Ties go to the first in {@code known}'s iteration order.
   */
  public static Optional<String> closest(String given, Collection<String> known) {
    Objects.requireNonNull(given, "given");
    if (known.contains(given)) {
      return Optional.empty();
    }
    String g = given.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, g.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(g, k.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    if (best == null && g.length() >= 4) {
      for (String k : known) {
        if (k.toLowerCase(Locale.ROOT).startsWith(g)
            && (best == null || k.length() < best.length())) {
          best = k;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code (did you mean "NAME"?)} for the {@link #closest} name, or the empty string. */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(k -> " (did you mean \"" + k + "\"?)").orElse("");
  }

  /** Levenshtein distance, with an adjacent transposition counting as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
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
