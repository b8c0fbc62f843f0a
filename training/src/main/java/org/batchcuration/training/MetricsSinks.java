package org.batchcuration.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.MetricsSink;

/**
 * The {@link MetricsSink}s of one training session, called in order on the training thread. A sink
 * that throws fails the run with a {@link PluginFailureException} naming the sink's class and jar;
 * {@link #close} closes every sink even when one fails, and reports the first failure.
 */
final class MetricsSinks implements AutoCloseable {
  private final List<MetricsSink> sinks;

  MetricsSinks(List<? extends MetricsSink> sinks) {
    this.sinks = List.copyOf(Objects.requireNonNull(sinks, "sinks"));
  }

  void start(Path runDir, boolean resumed) {
    each("in onStart", s -> s.onStart(runDir, resumed));
  }

  void step(int epoch, long step, Map<String, Double> values) {
    Map<String, Double> view = java.util.Collections.unmodifiableMap(values);
    each("in onStep at epoch " + epoch + ", step " + step, s -> s.onStep(epoch, step, view));
  }

  void epoch(int epoch, long step, Map<String, Double> values) {
    Map<String, Double> view = java.util.Collections.unmodifiableMap(values);
    each("in onEpoch at epoch " + epoch, s -> s.onEpoch(epoch, step, view));
  }

  void result(Map<String, Object> result) {
    Map<String, Object> view = java.util.Collections.unmodifiableMap(result);
    each("in onResult", s -> s.onResult(view));
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (MetricsSink s : sinks) {
      try {
        s.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = failure(s, "in close", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private void each(String where, java.util.function.Consumer<MetricsSink> call) {
    for (MetricsSink s : sinks) {
      try {
        call.accept(s);
      } catch (RuntimeException e) {
        throw failure(s, where, e);
      }
    }
  }

  private static RuntimeException failure(MetricsSink s, String where, RuntimeException e) {
    if (e instanceof PluginFailureException) {
      return e;
    }
    return new PluginFailureException(
        PluginFailures.failed("metrics sink", s.getClass(), where, e), e);
  }
}
