package org.batchcuration.training;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device names a config may give: {@code auto}, {@code cpu}, {@code gpu} (the first GPU) or
 * {@code gpu:N}. The one owner of that grammar and of its message: the config check (the runner's
 * {@code ConfigLoader}) and {@link DeviceSelector} both ask it, so a name that passes the one
 * passes the other.
 */
public final class DeviceNames {
  /** The accepted names, as messages list them. */
  public static final String ACCEPTED = "\"auto\", \"cpu\", \"gpu\" or \"gpu:N\"";

  private static final Pattern NAME = Pattern.compile("auto|cpu|gpu(?::(\\d+))?");

  private DeviceNames() {}

  /** Whether {@code name} is one device name (exactly, lower-case, no spaces). */
  public static boolean accepts(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /**
   * The GPU index {@code name} names ({@code gpu} is 0), or empty for {@code auto} and {@code cpu}.
   *
   * @throws IllegalArgumentException when {@link #accepts} does not
   */
  static OptionalInt gpu(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException(name);
    }
    if (!name.startsWith("gpu")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
  }

  /**
   * The problem with a device setting that is not a name, for a message on the {@code device}
   * field.
   *
   * @param given the setting as the message shows it (quoted when it is a string)
   */
  public static String problem(String given) {
    return "must be " + ACCEPTED + " (or a list of them), was " + given;
  }
}
