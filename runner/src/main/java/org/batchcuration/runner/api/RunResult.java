package org.batchcuration.runner.api;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a run produced. Accuracies are absent when the run was cancelled before its evaluation or
 * the evaluation was switched off.
 *
 * @param runDir the run folder (holds {@code result.json}, {@code report.html}, ...)
 * @param completed false when the run was cancelled (it can be resumed)
 * @param linearTop1 linear-probe top-1 accuracy on the test split, in [0, 1]
 * @param knnTop1 weighted kNN top-1 accuracy on the test split, in [0, 1]
 * @param randomInitLinearTop1 the same probe on a randomly initialised encoder
 * @param randomInitKnnTop1 the same kNN on a randomly initialised encoder
 * @param result every field of {@code result.json}
 */
public record RunResult(
    Path runDir,
    boolean completed,
    OptionalDouble linearTop1,
    OptionalDouble knnTop1,
    OptionalDouble randomInitLinearTop1,
    OptionalDouble randomInitKnnTop1,
    Map<String, Object> result) {
  public RunResult {
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(linearTop1, "linearTop1");
    Objects.requireNonNull(knnTop1, "knnTop1");
    Objects.requireNonNull(randomInitLinearTop1, "randomInitLinearTop1");
    Objects.requireNonNull(randomInitKnnTop1, "randomInitKnnTop1");
    result = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(result)));
  }

  /** A result from the fields of {@code result.json}. */
  public static RunResult of(Path runDir, boolean completed, Map<String, Object> result) {
    return new RunResult(
        runDir,
        completed,
        number(result, "linear_top1"),
        number(result, "knn_top1"),
        number(result, "random_init_linear_top1"),
        number(result, "random_init_knn_top1"),
        result);
  }

  /** The same probe on the raw pixels ({@code pixels_linear_top1}), when the run scored them. */
  public OptionalDouble pixelsLinearTop1() {
    return number(result, "pixels_linear_top1");
  }

  /** The same kNN on the raw pixels ({@code pixels_knn_top1}), when the run scored them. */
  public OptionalDouble pixelsKnnTop1() {
    return number(result, "pixels_knn_top1");
  }

  private static OptionalDouble number(Map<String, Object> result, String key) {
    Object v = result.get(key);
    return v instanceof Number n && Double.isFinite(n.doubleValue())
        ? OptionalDouble.of(n.doubleValue())
        : OptionalDouble.empty();
  }
}
