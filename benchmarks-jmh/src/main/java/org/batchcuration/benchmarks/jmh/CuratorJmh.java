package org.batchcuration.benchmarks.jmh;

import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.StepInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one curator decision (including the batch's similarity matrix, computed on first use) on
 * random ResNet-18-sized embeddings.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class CuratorJmh {
  @Param({"batch-curation", "false-negative-elimination", "hard-negative-weighting"})
  public String curator;

  @Param({"256"})
  public int batchSize;

  private BatchCurator instance;
  private int[] indices;
  private Matrix h1;
  private Matrix h2;
  private Matrix z1;
  private Matrix z2;

  @Setup
  public void setup() {
    instance =
        create(
            (CuratorProvider<?>) PluginRegistry.load().provider(PluginKind.CURATOR, curator),
            PluginContext.of(1, batchSize, 100));
    Random r = new Random(1);
    indices = new int[batchSize];
    for (int i = 0; i < batchSize; i++) {
      indices[i] = i;
    }
    h1 = gaussian(batchSize, 512, r);
    h2 = gaussian(batchSize, 512, r);
    z1 = gaussian(batchSize, 128, r);
    z2 = gaussian(batchSize, 128, r);
  }

  private static <C extends Record> BatchCurator create(CuratorProvider<C> p, PluginContext c) {
    return p.create(p.defaultConfig(), c);
  }

  private static Matrix gaussian(int rows, int cols, Random r) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) r.nextGaussian();
    }
    return Matrix.wrap(rows, cols, d);
  }

  @Benchmark
  public CurationDecision decide() {
    CurationBatch b =
        new CurationBatch(
            new StepInfo(50, 5000, 0, 100, 100), 0, indices, h1, h2, z1, z2, Optional.empty());
    return instance.decide(b);
  }
}
