package org.batchcuration.datasets.cifar;

import org.batchcuration.api.Checks;

/**
 * Config of the {@code cifar10} dataset.
 *
 * @param path a folder with the official binary files (or their {@code cifar-10-batches-bin}
 *     sub-folder, or {@code cifar-10-binary.tar.gz}), or the archive itself
 * @param limit 0 = all training images; else the first N, stratified by class
 */
public record Cifar10Config(String path, int limit) {
  public Cifar10Config {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
  }

  public static Cifar10Config defaults() {
    return new Cifar10Config("data/cifar10", 0);
  }
}
