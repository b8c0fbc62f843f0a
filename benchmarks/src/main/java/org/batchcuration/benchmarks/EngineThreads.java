package org.batchcuration.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine thread settings the framework uses by default, shared by the launcher (which exports
 * the same values) and the bench, so that what is measured is what users get.
 */
public final class EngineThreads {
  /** Variables that tune an engine process; the peer runs without them (as its users run it). */
  static final List<String> TUNING_PREFIXES =
      List.of(
          "OMP_", "MKL_", "KMP_", "MXNET_", "MALLOC_", "GLIBC_TUNABLES", "PYTORCH_", "LD_PRELOAD");

  private EngineThreads() {}

  /** Environment for an engine process with {@code threads} compute threads. */
  public static Map<String, String> env(String engine, int threads) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OMP_NUM_THREADS", Integer.toString(threads));
    env.put("MKL_NUM_THREADS", Integer.toString(threads));
    env.put("OMP_WAIT_POLICY", "PASSIVE");
    env.put("MXNET_ENGINE_TYPE", "NaiveEngine");
    return env;
  }

  /** System properties selecting {@code engine} with {@code threads} threads. */
  public static List<String> jvmProps(String engine, int threads) {
    return List.of(
        "-Dai.djl.default_engine=" + engine,
        "-Dai.djl.pytorch.num_threads=" + threads,
        "-Dai.djl.pytorch.num_interop_threads=1");
  }
}
