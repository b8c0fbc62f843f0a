package org.batchcuration.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * The engine thread settings the framework uses by default, shared by the launcher and the bench so
 * that what is measured is what users get.
 */
public final class EngineThreads {
  private EngineThreads() {}

  /** Environment for an engine process with {@code threads} compute threads. */
  public static Map<String, String> env(String engine, int threads) {
    return Map.of(
        "OMP_NUM_THREADS", Integer.toString(threads),
        "MKL_NUM_THREADS", Integer.toString(threads),
        "MXNET_ENGINE_TYPE", "NaiveEngine");
  }

  /** System properties selecting {@code engine} with {@code threads} threads. */
  public static List<String> jvmProps(String engine, int threads) {
    return List.of(
        "-Dai.djl.default_engine=" + engine,
        "-Dai.djl.pytorch.num_threads=" + threads,
        "-Dai.djl.pytorch.num_interop_threads=1");
  }
}
