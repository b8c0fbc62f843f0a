package org.batchcuration.datasets.stl;

import org.batchcuration.api.Checks;

/**
 * Config of the {@code stl10} dataset (binary version).
 *
 * @param path a folder holding {@code train_X.bin}, {@code train_y.bin}, {@code test_X.bin}, {@code
 *     test_y.bin}, {@code unlabeled_X.bin} (or its {@code stl10_binary} sub-folder)
 * @param limit 0 = all; else the first N training images (stratified by class) or the first N
 *     unlabeled images
 */
public record Stl10Config(String path, int limit) {
  public Stl10Config {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
  }

  public static Stl10Config defaults() {
    return new Stl10Config("data/stl10", 0);
  }
}
