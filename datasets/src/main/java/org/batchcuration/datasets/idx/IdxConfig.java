package org.batchcuration.datasets.idx;

import org.batchcuration.api.Checks;

/**
 * Config of the {@code mnist} and {@code fashion-mnist} datasets (IDX files, raw or .gz).
 *
 * @param path the folder holding {@code train-images-idx3-ubyte[.gz]}, {@code
 *     train-labels-idx1-ubyte[.gz]}, {@code t10k-images-idx3-ubyte[.gz]}, {@code
 *     t10k-labels-idx1-ubyte[.gz]}
 * @param limit 0 = all training images; else the first N, stratified by class
 */
public record IdxConfig(String path, int limit) {
  public IdxConfig {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
  }

  /** MNIST's default: {@code data/mnist}. */
  public static IdxConfig defaults() {
    return new IdxConfig("data/mnist", 0);
  }

  /** Fashion-MNIST's default: where Debian's {@code dataset-fashion-mnist} package installs it. */
  public static IdxConfig fashionDefaults() {
    return new IdxConfig("/usr/share/datasets/fashion-mnist", 0);
  }
}
