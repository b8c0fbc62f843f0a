package org.batchcuration.benchmarks;

import java.io.PrintStream;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.StepInfo;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;

/**
 * The share of a real training loop's time that the trainer waits for data: Fashion-MNIST (or the
 * synthetic dataset when it is not installed) through the default {@code simclr} augmenter and the
 * prefetching two-view pipeline into the small CNN, with the framework's default pipeline settings.
 */
final class DataWait {
  private DataWait() {}

  static void measure(BenchResult r, BenchOptions options, PrintStream log) {
    int batch = 256;
    int steps = options.quick() ? 10 : 40;
    String dataName = DefaultLoop.datasetName(options.dataPath());
    log.println("data: " + dataName + ", small CNN, batch " + batch + ", " + steps + " steps ...");
    PluginContext ctx = PluginContext.of(11, batch, 1);
    PipelineConfig pc = PipelineConfig.defaults();
    try (TwoViewPipeline pipeline = DefaultLoop.pipeline(dataName, ctx, 11)) {
      TrainerSpec spec = DefaultLoop.smallCnn(pipeline, ctx, 11, batch, 1);
      try (SimClrTrainer trainer = new SimClrTrainer(spec);
          EpochBatches batches = pipeline.epoch(0, batch, 0, s -> batch)) {
        int spe = pipeline.stepsPerEpoch(batch);
        int n = Math.min(steps, spe);
        // the first step builds the graph; measure from the second on
        trainer.step(batches.next(), pipeline, new StepInfo(0, 0, 0, spe, 1));
        long wait0 = batches.waitNanos();
        long t0 = System.nanoTime();
        for (int s = 1; s < n; s++) {
          trainer.step(batches.next(), pipeline, new StepInfo(0, s, s, spe, 1));
        }
        long total = System.nanoTime() - t0;
        double fraction = (double) (batches.waitNanos() - wait0) / total;
        r.put("data.wait_fraction", fraction, "share of loop time waiting for data");
        r.put(
            "data.loop_images_per_s", (n - 1) * (double) batch / (total / 1e9), "source images/s");
        r.note(
            "data: "
                + dataName
                + " with pipeline threads="
                + pc.threads()
                + " prefetch="
                + pc.prefetch());
      }
    }
  }
}
