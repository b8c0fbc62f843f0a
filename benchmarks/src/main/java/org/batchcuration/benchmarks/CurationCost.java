package org.batchcuration.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;

/**
 * The cost of curation on the host: every curator's {@code preview} + {@code decide} on random
 * embeddings of a ResNet-18 batch ({@code h}: 512, {@code z}: 128), as milliseconds and as a share
 * of the measured training step, and the extra forward passes that pool and redraw actions need.
 */
final class CurationCost {
  static final int DH = 512;
  static final int DZ = 128;

  private CurationCost() {}

  static void measure(BenchResult r, boolean quick, PrintStream log) {
    int b = 256;
    double stepMs = r.get("scaling.b256.step_s") * 1000;
    PluginRegistry registry = PluginRegistry.load();
    for (Map.Entry<String, PluginProvider<?, ?>> e :
        registry.providers(PluginKind.CURATOR).entrySet()) {
      String name = e.getKey();
      log.println("curation: " + name + " at batch " + b + " ...");
      BatchCurator curator =
          (BatchCurator) Plugins.createDefault(e.getValue(), PluginContext.of(7, b, 100));
      StepInfo step = new StepInfo(50, 5000, 0, 100, 100);
      int reps = quick ? 5 : 20;
      double[] ms = new double[reps];
      int previews = 0;
      int pool = curator.poolSize(b, step);
      boolean looks = curator.previews(step) || pool > b;
      for (int rep = 0; rep < reps; rep++) {
        Random rnd = new Random(rep);
        CurationBatch candidates = looks ? randomBatch(pool, step, 0, rnd) : null;
        CurationBatch[] redraws = new CurationBatch[looks ? Selection.MAX_PREVIEWS : 0];
        for (int i = 0; i < redraws.length; i++) {
          redraws[i] = randomBatch(b, step, i + 1, rnd);
        }
        CurationBatch training = randomBatch(b, step, 0, rnd);
        long t0 = System.nanoTime();
        previews = 0;
        if (looks) {
          Selection s = curator.preview(candidates, b);
          previews++;
          while (s.wantsRedraw() && previews < Selection.MAX_PREVIEWS) {
            s = curator.preview(redraws[previews - 1], b);
            previews++;
          }
        }
        curator.decide(training);
        ms[rep] = (System.nanoTime() - t0) / 1e6;
      }
      Arrays.sort(ms);
      double median = ms[reps / 2];
      r.put("curation." + name + ".ms", median, "ms/step (host, incl. batch similarity)");
      if (stepMs > 0) {
        r.put(
            "curation." + name + ".share_of_step",
            median / stepMs,
            "fraction of ResNet-18 step at B=256");
      }
      int extraImages = looks ? pool + (previews - 1) * b : 0;
      r.put(
          "curation." + name + ".extra_forward_images", extraImages, "no-grad forward images/step");
    }
  }

  /** Time to build the curator's view of a batch and its 2B x 2B similarity matrix at size b. */
  static void similarityCost(BenchResult r, int b) {
    Random rnd = new Random(b);
    StepInfo step = new StepInfo(0, 0, 0, 1, 1);
    CurationBatch warm = randomBatch(b, step, 0, rnd);
    warm.similarity(Space.PROJECTION);
    int reps = 5;
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      CurationBatch batch = randomBatch(b, step, 0, rnd);
      batch.similarity(Space.PROJECTION);
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    r.put("scaling.b" + b + ".similarity_ms", ms[reps / 2], "ms (2B x 2B cosine on the host)");
  }

  static CurationBatch randomBatch(int b, StepInfo step, int attempt, Random rnd) {
    int[] idx = new int[b];
    int[] labels = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = i;
      labels[i] = rnd.nextInt(10);
    }
    return new CurationBatch(
        step,
        attempt,
        idx,
        gaussian(b, DH, rnd),
        gaussian(b, DH, rnd),
        gaussian(b, DZ, rnd),
        gaussian(b, DZ, rnd),
        Optional.of(labels));
  }

  private static Matrix gaussian(int rows, int cols, Random rnd) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rnd.nextGaussian();
    }
    return Matrix.wrap(rows, cols, d);
  }

  static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
