package org.batchcuration.training;

import java.util.Map;
import java.util.Objects;

/**
 * An evaluation of the representations.
 *
 * @param name {@code "monitor"}, {@code "final"}, {@code "random_init"} or {@code "pixels"}
 * @param epoch the epochs trained when it ran
 * @param metrics for example {@code knn_top1}, {@code linear_top1}
 */
public record EvaluationEvent(String name, int epoch, Map<String, Double> metrics) {
  public EvaluationEvent {
    Objects.requireNonNull(name, "name");
    metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
  }
}
