package org.batchcuration.benchmarks;

import java.util.Locale;

/**
 * Child-process entry point: {@code StepProbe ENCODER BATCH STEPS} prints {@code images_per_s=X}
 * for the engine named by {@code ai.djl.default_engine}. Run in its own JVM so that each engine
 * gets its own thread settings.
 */
public final class StepProbe {
  private StepProbe() {}

  public static void main(String[] args) {
    double ips = StepBenchmark.run(args[0], Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    System.out.printf(Locale.ROOT, "images_per_s=%.3f%n", ips);
  }
}
