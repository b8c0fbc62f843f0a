package org.batchcuration.datasets;

import org.batchcuration.api.Checks;

/**
 * Settings of the {@link TwoViewPipeline}.
 *
 * @param threads augmentation threads; 0 = the number of available processors
 * @param prefetch batches prepared ahead of the consumer (the bounded queue's capacity)
 */
public record PipelineConfig(int threads, int prefetch) {
  public PipelineConfig {
    Checks.inRange("threads", threads, 0, 1024);
    Checks.inRange("prefetch", prefetch, 1, 1024);
  }

  public static PipelineConfig defaults() {
    return new PipelineConfig(0, 4);
  }

  /** {@link #threads()} with 0 resolved to the available processors. */
  public int resolvedThreads() {
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }
}
