package org.batchcuration.runner.config;

import java.util.Objects;
import org.batchcuration.api.Checks;

/**
 * Where runs go when the command line gives no {@code --out}: {@code <dir>/<name>}, where an empty
 * name means the config file's base name (for {@code quickstart.json}: {@code runs/quickstart}).
 *
 * @param dir the parent folder of run folders
 * @param name the run folder's name, or empty for the config file's base name
 */
public record OutputConfig(String dir, String name) {
  public OutputConfig {
    Checks.present("dir", dir);
    Checks.require(!dir.isBlank(), "dir", "must not be empty");
    Objects.requireNonNull(name, "name");
    Checks.require(
        !name.contains("/") && !name.contains("\\") && !name.equals("..") && !name.equals("."),
        "name",
        "must be a plain folder name, was \"" + name + "\"");
  }

  /** {@code runs} and the config's base name. */
  public static OutputConfig defaults() {
    return new OutputConfig("runs", "");
  }
}
