package org.batchcuration.benchmarks.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** JMH: one SimCLR view of a 3x32x32 image with the default {@code simclr} augmenter. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class AugmentJmh {
  private Augmenter augmenter;
  private final ImageShape shape = new ImageShape(3, 32, 32);
  private byte[] source;
  private float[] target;
  private long seed;

  @Setup
  public void setup() {
    PluginProvider<?, ?> p = PluginRegistry.load().provider(PluginKind.AUGMENTER, "simclr");
    augmenter = create((AugmenterProvider<?>) p);
    source = new byte[64 * shape.size()];
    new SplittableRandom(1).nextBytes(source);
    target = new float[augmenter.outputShape(shape).size()];
  }

  private static <C extends Record> Augmenter create(AugmenterProvider<C> p) {
    return p.create(p.defaultConfig(), PluginContext.of(1, 1, 1));
  }

  @Benchmark
  public float oneView() {
    int image = (int) (seed & 63);
    augmenter.augment(source, image * shape.size(), shape, target, 0, seed++);
    return target[0];
  }
}
