package org.batchcuration.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * Receives the metrics of one training run: its step and epoch lines (the numbers that {@code
 * metrics.jsonl} holds) and its final result. Plugins contribute sinks through a Guice module that
 * the jar lists in {@code META-INF/services/com.google.inject.Module} and that adds a binding with
 * {@code Multibinder.newSetBinder(binder(), MetricsSink.class)}; the framework's own {@code
 * metrics.csv} writer is bound the same way.
 *
 * <p><b>Ownership.</b> The framework creates the sinks of a run from the run's injector, calls
 * {@link #onStart} once before the first step, then {@link #onStep} and {@link #onEpoch} in order,
 * {@link #onResult} once when the run completes (not when it is cancelled or fails), and {@link
 * #close} exactly once at the end in every case. A sink owns only what it opens itself; the maps it
 * receives are read-only and valid only during the call (copy what you keep).
 *
 * <p><b>Threading.</b> Every method is called on the training thread, one call at a time, so a sink
 * needs no locking but a slow sink slows training down. A sink that throws fails the run; the error
 * names the sink's class and jar.
 *
 * <p>Values are finite: an undefined number is left out of the map, never NaN. Keys keep the order
 * of the run's metrics line.
 */
public interface MetricsSink extends AutoCloseable {
  /**
   * Before the first step of this session.
   *
   * @param runDir the run folder (created); a sink may write its own files there
   * @param resumed true when the session continues a run from a checkpoint: the steps before it
   *     were reported to an earlier session's sinks and are in the folder's {@code metrics.jsonl}
   */
  default void onStart(Path runDir, boolean resumed) {}

  /** After each optimisation step, with the values of its {@code step} line. */
  default void onStep(int epoch, long step, Map<String, Double> values) {}

  /** After each epoch, with the values of its {@code epoch} line; {@code step} is global. */
  default void onEpoch(int epoch, long step, Map<String, Double> values) {}

  /** Once the run completed, with the contents of {@code result.json}. */
  default void onResult(Map<String, Object> result) {}

  /** Always called last; releases what the sink opened. */
  @Override
  default void close() {}
}
