package org.batchcuration.datasets.cifar;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;

/**
 * Config of the {@code cifar100} dataset.
 *
 * @param path a folder with {@code train.bin} and {@code test.bin} (or their {@code
 *     cifar-100-binary} sub-folder, or {@code cifar-100-binary.tar.gz}), or the archive itself
 * @param limit 0 = all training images; else the first N, stratified by class
 * @param labels {@code fine} (100 classes, default) or {@code coarse} (20 super-classes)
 */
public record Cifar100Config(String path, int limit, Labels labels) {
  public Cifar100Config {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
    Checks.present("labels", labels);
  }

  /** The same config reading from {@code folder}. */
  public Cifar100Config withPath(java.nio.file.Path folder) {
    return new Cifar100Config(folder.toString(), limit, labels);
  }

  public static Cifar100Config defaults() {
    return new Cifar100Config("data/cifar100", 0, Labels.FINE);
  }

  /** Which labels: {@code "fine"} (100 classes) or {@code "coarse"} (20 super-classes). */
  public enum Labels {
    FINE,
    COARSE;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }
}
