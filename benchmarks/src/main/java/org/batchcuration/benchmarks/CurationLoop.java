package org.batchcuration.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.api.diagnostics.CurationDiagnostics;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.configbinding.RegistryNestedPlugins;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.StepResult;
import org.batchcuration.simclr.StepTimes;
import org.batchcuration.simclr.TrainerSpec;

/**
 * The end-to-end cost of in-batch curation: the same short training loop (real data through the
 * default pipeline, the step, and the per-step diagnostics of the metrics line) with {@code none}
 * and with each in-batch curator, all active from the first step. Every variant trains on the same
 * batches, drawn once before timing so that data loading is no part of the figure, one step of each
 * variant in turn so that a slow phase of a shared machine hits every variant alike. Reports each
 * variant's median step time (step plus diagnostics), its split into forward/backward, host and
 * update, its ratio to {@code none}, and, less sensitive to a loaded machine's noise, its host time
 * beyond {@code none}'s and the ratio that this extra alone gives.
 */
final class CurationLoop {
  /** A curator of the comparison: a label for the figures and its config. */
  record Variant(String label, Map<String, Object> config) {}

  /**
   * Binds a variant's config the way a run's config is bound (strict, over the provider's defaults,
   * nested plugins at any depth); messages read {@code bench: $.curator.field: ...}.
   */
  private static final RegistryNestedPlugins VARIANT_BINDER =
      new RegistryNestedPlugins(PluginRegistry.load(), JsonPath.root(), "bench");

  /** {@code none} first (the reference), then each in-batch curator. */
  static final List<Variant> VARIANTS =
      List.of(
          new Variant("none", Map.of("type", "none")),
          new Variant(
              "random_drop",
              Map.of(
                  "type",
                  "random",
                  "warmupEpochs",
                  0,
                  "shadow",
                  Map.of("type", "batch-curation", "action", "drop", "warmupEpochs", 0))),
          new Variant(
              "batch_curation_drop",
              Map.of("type", "batch-curation", "action", "drop", "warmupEpochs", 0)),
          new Variant(
              "batch_curation_reweight",
              Map.of("type", "batch-curation", "action", "reweight", "warmupEpochs", 0)),
          new Variant(
              "false_negative_elimination",
              Map.of("type", "false-negative-elimination", "warmupEpochs", 0)),
          new Variant(
              "hard_negative_weighting",
              Map.of("type", "hard-negative-weighting", "warmupEpochs", 0)));

  /**
   * What one model's comparison runs.
   *
   * @param key the figures' prefix ({@code curation_loop.KEY.})
   * @param encoder the encoder plugin
   * @param batch source images per step
   * @param rounds rounds (a round runs each variant's steps in turn)
   * @param stepsPerRound timed steps of each variant per round (after one untimed warm-up step)
   */
  record Plan(String key, String encoder, int batch, int rounds, int stepsPerRound) {}

  private CurationLoop() {}

  /** The small CNN of the quickstart at B=256, and ResNet-18 at a small batch unless quick. */
  static void measure(BenchResult r, BenchOptions options, PrintStream log) {
    String dataName = DefaultLoop.datasetName(options.dataPath());
    if (options.quick()) {
      run(r, dataName, new Plan("small_cnn", "small-cnn", 256, 3, 4), log);
      log.println("curation-loop: ResNet-18 part skipped (--quick)");
      r.note("curation_loop: ResNet-18 part skipped (--quick)");
    } else {
      // 30 pairs give a 95.7 % interval for the median paired ratio (ranks 10 and 21)
      run(r, dataName, new Plan("small_cnn", "small-cnn", 256, 3, 10), log);
      run(r, dataName, new Plan("resnet18", "resnet18", 32, 2, 3), log);
    }
  }

  /** Runs {@code plan} for every variant and puts its figures into {@code r}. */
  static void run(BenchResult r, String dataName, Plan plan, PrintStream log) {
    int b = plan.batch();
    int timed = plan.rounds() * plan.stepsPerRound();
    log.printf(
        Locale.ROOT,
        "curation-loop: %s, %s, batch %d, %d variants x %d timed steps ...%n",
        dataName,
        plan.encoder(),
        b,
        VARIANTS.size(),
        timed);
    long seed = 13;
    PluginContext ctx = PluginContext.of(seed, b, 1);
    try (TwoViewPipeline pipeline = DefaultLoop.pipeline(dataName, ctx, seed)) {
      int spe = pipeline.stepsPerEpoch(b);
      List<ViewBatch> batches = draw(pipeline, b, Math.min(spe, timed + 1));
      Map<String, List<double[]>> samples = new LinkedHashMap<>();
      List<SimClrTrainer> trainers = new ArrayList<>();
      try {
        for (Variant v : VARIANTS) {
          BatchCurator curator = curator(v, ctx);
          StepInfo first = new StepInfo(0, 0, 0, spe, 1);
          int pool = curator.poolSize(b, first);
          if (pool != b || curator.previews(first)) {
            throw new IllegalStateException(
                "curation-loop measures in-batch curators; "
                    + v.label()
                    + " wants a pool or previews");
          }
          TrainerSpec base = DefaultLoop.trainerSpec(plan.encoder(), pipeline, ctx, seed, b, 1);
          trainers.add(new SimClrTrainer(withCurator(base, curator)));
          samples.put(v.label(), new ArrayList<>());
        }
        // one untimed step each: builds the graph, warms the JIT
        for (SimClrTrainer t : trainers) {
          timedStep(t, batches, pipeline, 0, spe);
        }
        // round-robin, one step of each curator in turn, so that the machine's drift hits all alike
        int step = 1;
        for (int round = 0; round < plan.rounds(); round++) {
          for (int s = 0; s < plan.stepsPerRound(); s++) {
            for (int k = 0; k < VARIANTS.size(); k++) {
              samples
                  .get(VARIANTS.get(k).label())
                  .add(timedStep(trainers.get(k), batches, pipeline, step, spe));
            }
            step++;
          }
        }
      } finally {
        trainers.forEach(SimClrTrainer::close);
      }
      report(r, plan, samples, log);
    }
  }

  /**
   * One step and the metrics line's per-step diagnostics; returns {@code [step+diagnostics,
   * forward/backward, host (step's and diagnostics'), update, curation]} in milliseconds.
   */
  private static double[] timedStep(
      SimClrTrainer t, List<ViewBatch> batches, TwoViewPipeline views, int step, int spe) {
    ViewBatch batch = batches.get(step % batches.size());
    StepInfo info = new StepInfo(0, step, step % spe, spe, 1);
    long t0 = System.nanoTime();
    StepResult res = t.step(batch, views, info);
    long t1 = System.nanoTime();
    CurationDiagnostics.stepStats(res.batch(), res.decision(), Space.PROJECTION, false);
    res.curatedPairs();
    long t2 = System.nanoTime();
    StepTimes times = res.times();
    return new double[] {
      (t2 - t0) / 1e6,
      times.forwardBackwardNanos() / 1e6,
      (times.hostNanos() + (t2 - t1)) / 1e6,
      times.updateNanos() / 1e6,
      times.curationNanos() / 1e6
    };
  }

  private static void report(
      BenchResult r, Plan plan, Map<String, List<double[]>> samples, PrintStream log) {
    String prefix = "curation_loop." + plan.key() + ".";
    double noneStep = median(samples.get("none"), 0);
    double noneHost = median(samples.get("none"), 2);
    double worst = 0;
    double worstPaired = 0;
    double[] noneSteps = column(samples.get("none"), 0);
    for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
      String p = prefix + e.getKey() + ".";
      List<double[]> v = e.getValue();
      double stepMs = median(v, 0);
      r.put(p + "step_ms", stepMs, "ms/step (median, step + per-step diagnostics)");
      r.put(p + "forward_backward_ms", median(v, 1), "ms/step (median)");
      r.put(p + "host_ms", median(v, 2), "ms/step (median, host work incl. diagnostics)");
      r.put(p + "update_ms", median(v, 3), "ms/step (median)");
      r.put(p + "curation_ms", median(v, 4), "ms/step (median)");
      double ratio = stepMs / noneStep;
      r.put(p + "ratio_to_none", ratio, "x (median step time over none's)");
      double extraHost = median(v, 2) - noneHost;
      r.put(p + "extra_host_ms", extraHost, "ms/step (median host time minus none's)");
      r.put(
          p + "host_ratio_to_none",
          (noneStep + extraHost) / noneStep,
          "x (none's step plus this curator's extra host time, over none's step)");
      PairedRatio paired = PairedRatio.of(column(v, 0), noneSteps);
      r.put(
          p + "paired_ratio_to_none",
          paired.median(),
          "x (median over steps of this step over none's step on the same batch just before)");
      r.put(p + "paired_ratio_low", paired.low(), "x (distribution-free interval of that median)");
      r.put(p + "paired_ratio_high", paired.high(), "x");
      r.put(p + "paired_ratio_coverage", paired.coverage(), "(the interval's coverage)");
      if (!e.getKey().equals("none")) {
        worst = Math.max(worst, ratio);
        worstPaired = Math.max(worstPaired, paired.median());
      }
      log.printf(
          Locale.ROOT,
          "  %-28s step %8.1f ms  fwd/bwd %8.1f  host %6.2f  update %6.1f  ratio %.3f"
              + "  paired %.3f [%.3f, %.3f]%n",
          e.getKey(),
          stepMs,
          median(v, 1),
          median(v, 2),
          median(v, 3),
          ratio,
          paired.median(),
          paired.low(),
          paired.high());
    }
    r.put(prefix + "max_ratio_to_none", worst, "x (the most expensive in-batch curator)");
    r.put(
        prefix + "max_paired_ratio_to_none",
        worstPaired,
        "x (the largest median paired ratio of an in-batch curator)");
    r.note(
        "curation_loop."
            + plan.key()
            + ": "
            + plan.encoder()
            + " at batch "
            + plan.batch()
            + ", "
            + plan.rounds() * plan.stepsPerRound()
            + " timed steps per curator taken in turn, the same batches for every curator");
  }

  private static double[] column(List<double[]> rows, int column) {
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = rows.get(i)[column];
    }
    return out;
  }

  private static double median(List<double[]> rows, int column) {
    List<Double> values = new ArrayList<>();
    for (double[] row : rows) {
      values.add(row[column]);
    }
    return BenchSuite.median(values);
  }

  private static List<ViewBatch> draw(TwoViewPipeline pipeline, int b, int n) {
    List<ViewBatch> out = new ArrayList<>();
    try (EpochBatches batches = pipeline.epoch(0, b, 0, s -> b)) {
      for (int i = 0; i < n; i++) {
        out.add(batches.next());
      }
    }
    return out;
  }

  static BatchCurator curator(Variant v, PluginContext ctx) {
    return VARIANT_BINDER.create(
        PluginKind.CURATOR, v.config(), "curator", ctx, BatchCurator.class);
  }

  private static TrainerSpec withCurator(TrainerSpec s, BatchCurator curator) {
    return new TrainerSpec(
        s.encoder(),
        s.head(),
        s.loss(),
        curator,
        s.optimizer(),
        s.schedule(),
        s.devices(),
        s.seed(),
        s.batchSize(),
        s.stepsPerEpoch(),
        s.epochs());
  }
}
