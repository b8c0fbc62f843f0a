package org.batchcuration.benchmarks;

import ai.djl.Device;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.List;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Split;
import org.batchcuration.api.StepInfo;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;
import org.batchcuration.simclr.loss.NtXentLoss;

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
    PluginRegistry reg = PluginRegistry.load();
    boolean real = Files.isDirectory(options.dataPath());
    String dataName = real ? "fashion-mnist" : "synthetic";
    log.println("data: " + dataName + ", small CNN, batch " + batch + ", " + steps + " steps ...");
    PluginContext ctx = PluginContext.of(11, batch, 1);
    DatasetSource source =
        Plugins.createDefault((DatasetProvider<?>) reg.provider(PluginKind.DATASET, dataName), ctx);
    ImageDataset train = source.load(Split.TRAIN);
    var augmenter =
        Plugins.createDefault(
            (AugmenterProvider<?>) reg.provider(PluginKind.AUGMENTER, "simclr"), ctx);
    PipelineConfig pc = PipelineConfig.defaults();
    try (TwoViewPipeline pipeline = new TwoViewPipeline(train, augmenter, pc, 11)) {
      PluginContext enc = ctx.withInputShape(pipeline.viewShape());
      TrainerSpec spec =
          new TrainerSpec(
              Plugins.createDefault(
                  (EncoderProvider<?>) reg.provider(PluginKind.ENCODER, "small-cnn"), enc),
              HeadConfig.defaults(),
              new NtXentLoss(0.5),
              b -> CurationDecision.keepAll(b.size()),
              OptimizerConfig.defaults(),
              new ScheduleConfig("constant", 0, 0),
              List.of(Device.cpu()),
              11,
              batch,
              pipeline.stepsPerEpoch(batch),
              1);
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
