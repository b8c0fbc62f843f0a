package org.batchcuration.datasets.augment;

import java.util.List;
import org.batchcuration.api.Checks;

/**
 * Config of the {@code identity} augmenter: pixels / 255, then normalised when {@code mean} and
 * {@code std} are non-empty.
 */
public record IdentityConfig(List<Double> mean, List<Double> std) {
  public IdentityConfig {
    mean = List.copyOf(Checks.present("mean", mean));
    std = List.copyOf(Checks.present("std", std));
    if (!mean.isEmpty() || !std.isEmpty()) {
      ComposeSpec.checkNormalization("mean", "std", mean, std);
    }
  }

  /** No normalisation. */
  public static IdentityConfig defaults() {
    return new IdentityConfig(List.of(), List.of());
  }
}
