package org.batchcuration.datasets.augment;

import java.util.List;
import java.util.Map;
import org.batchcuration.api.Checks;

/**
 * Config of the {@code compose} augmenter: a list of op objects, each with {@code "op"} and its
 * parameters, applied in order (see {@link ComposeSpec} for the ops and their defaults). Validated
 * on construction: errors name {@code ops[i].param}.
 *
 * @param ops for example {@code [{"op":"random-resized-crop","size":32}, {"op":"horizontal-flip"},
 *     {"op":"normalize","mean":[0.5],"std":[0.5]}]}
 */
public record ComposeConfig(List<Map<String, Object>> ops) {
  public ComposeConfig {
    ops = List.copyOf(Checks.present("ops", ops));
    ComposeSpec.parse(ops);
  }

  /** SimCLR's CIFAR recipe written as an op list. */
  public static ComposeConfig defaults() {
    return new ComposeConfig(
        List.of(
            Map.of("op", "random-resized-crop", "size", 32),
            Map.of("op", "horizontal-flip", "p", 0.5),
            Map.of(
                "op", "color-jitter",
                "brightness", 0.4,
                "contrast", 0.4,
                "saturation", 0.4,
                "hue", 0.1,
                "p", 0.8),
            Map.of("op", "grayscale", "p", 0.2),
            Map.of(
                "op",
                "normalize",
                "mean",
                List.of(0.4914, 0.4822, 0.4465),
                "std",
                List.of(0.2470, 0.2435, 0.2616))));
  }
}
