package org.batchcuration.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.GroundTruthCurator;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;

/**
 * Times every curator on the classpath (default configs, after their warm-up) on random batches:
 * {@code decide} on a batch whose similarity matrix is already cached (as it is when the trainer or
 * diagnostics computed it), {@code preview} on a pool of {@code poolSize(B)} candidates with cached
 * similarities, and the cold cost of the {@code 2B x 2B} projection similarity itself. Prints
 * milliseconds per call.
 *
 * <p>Usage: {@code CurationCostBenchmark [B ...]} (default 64 128 256 512), with {@code Dz = 128}
 * and {@code Dh = 512}. Single-threaded; timings are medians of repeated calls.
 */
public final class CurationCostBenchmark {
  private static final int DZ = 128;
  private static final int DH = 512;
  private static final StepInfo STEP = new StepInfo(5, 50, 0, 10, 10);

  private CurationCostBenchmark() {}

  public static void main(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    for (String a : args) {
      sizes.add(Integer.parseInt(a));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(64, 128, 256, 512);
    }
    run(sizes, System.out, 300);
  }

  /**
   * Runs the benchmark for each batch size and prints one line per curator and size; each timing
   * takes at least 5 calls and about {@code budgetMillis}.
   */
  public static void run(List<Integer> sizes, PrintStream out, long budgetMillis) {
    Map<String, PluginProvider<?, ?>> providers =
        PluginRegistry.load().providers(PluginKind.CURATOR);
    out.printf(
        Locale.ROOT,
        "%-28s %5s %5s %20s %20s%n",
        "curator",
        "B",
        "pool",
        "decide_ms [wall]",
        "preview_ms [wall]");
    for (int b : sizes) {
      CurationBatch batch = randomBatch(b, 1);
      out.printf(
          Locale.ROOT,
          "%-28s %5d %5d %20s %20s%n",
          "(similarity 2Bx2B, cold)",
          b,
          b,
          millis(() -> randomBatch(b, 2), x -> x.similarity(Space.PROJECTION), budgetMillis),
          "-");
      batch.similarity(Space.PROJECTION);
      batch.similarity(Space.REPRESENTATION);
      for (Map.Entry<String, PluginProvider<?, ?>> e : providers.entrySet()) {
        BatchCurator curator = create((CuratorProvider<?>) e.getValue(), b);
        int pool = curator.poolSize(b, STEP);
        CurationBatch candidates = pool == b ? batch : randomBatch(pool, 3);
        candidates.similarity(Space.PROJECTION);
        candidates.similarity(Space.REPRESENTATION);
        String decide = millis(() -> batch, decision(curator, b), budgetMillis);
        String preview = millis(() -> candidates, c -> curator.preview(c, b), budgetMillis);
        out.printf(Locale.ROOT, "%-28s %5d %5d %20s %20s%n", e.getKey(), b, pool, decide, preview);
      }
    }
  }

  /**
   * The curator's {@code decide}; a {@link GroundTruthCurator} (the oracle) is handed a planted
   * ground truth, every fifth pair corrupted, as the testbed would at fraction 0.2.
   */
  private static Consumer<CurationBatch> decision(BatchCurator curator, int b) {
    if (curator instanceof GroundTruthCurator oracle) {
      boolean[] corrupted = new boolean[b];
      for (int i = 0; i < b; i += 5) {
        corrupted[i] = true;
      }
      return x -> oracle.decide(x, corrupted.clone());
    }
    return curator::decide;
  }

  private static <C extends Record> BatchCurator create(CuratorProvider<C> provider, int b) {
    return provider.create(provider.defaultConfig(), PluginContext.of(42, b, 10));
  }

  /**
   * Median CPU and wall milliseconds of {@code call} over at least 5 calls and about {@code
   * budgetMillis}, as {@code "cpu [wall]"}.
   */
  private static <T> String millis(Supplier<T> input, Consumer<T> call, long budgetMillis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 3; i++) {
      call.accept(input.get());
    }
    List<Double> cpu = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    long budgetEnd = System.nanoTime() + budgetMillis * 1_000_000L;
    while (cpu.size() < 5 || (System.nanoTime() < budgetEnd && cpu.size() < 200)) {
      T x = input.get();
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      call.accept(x);
      wall.add((System.nanoTime() - t0) / 1e6);
      cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
    }
    return String.format(Locale.ROOT, "%.3f [%.3f]", median(cpu), median(wall));
  }

  private static double median(List<Double> values) {
    values.sort(Double::compare);
    return values.get(values.size() / 2);
  }

  /** A batch of {@code b} pairs whose view 2 is view 1 plus noise. */
  static CurationBatch randomBatch(int b, long seed) {
    Random r = new Random(seed);
    float[] z1 = gaussian(r, b * DZ);
    float[] z2 = noisy(r, z1);
    float[] h1 = gaussian(r, b * DH);
    float[] h2 = noisy(r, h1);
    int[] indices = new int[b];
    for (int i = 0; i < b; i++) {
      indices[i] = i;
    }
    return new CurationBatch(
        STEP,
        0,
        indices,
        Matrix.wrap(b, DH, h1),
        Matrix.wrap(b, DH, h2),
        Matrix.wrap(b, DZ, z1),
        Matrix.wrap(b, DZ, z2),
        Optional.empty());
  }

  private static float[] gaussian(Random r, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) r.nextGaussian();
    }
    return x;
  }

  private static float[] noisy(Random r, float[] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + 0.5f * (float) r.nextGaussian();
    }
    return y;
  }
}
