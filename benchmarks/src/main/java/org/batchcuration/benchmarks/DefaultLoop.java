package org.batchcuration.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.TrainerSpec;

/**
 * The real training loop of the data-wait and memory sections: a dataset's training split through
 * the default {@code simclr} augmenter and the default two-view pipeline, into the small CNN.
 */
final class DefaultLoop {
  private DefaultLoop() {}

  /** Fashion-MNIST when its files are in {@code dataPath}, otherwise the synthetic dataset. */
  static String datasetName(Path dataPath) {
    return Files.isDirectory(dataPath) ? "fashion-mnist" : "synthetic";
  }

  /** The pipeline over {@code dataName}'s training split, all plugins with their defaults. */
  static TwoViewPipeline pipeline(String dataName, PluginContext ctx, long seed) {
    PluginRegistry reg = PluginRegistry.load();
    var source =
        Plugins.createDefault((DatasetProvider<?>) reg.provider(PluginKind.DATASET, dataName), ctx);
    var augmenter =
        Plugins.createDefault(
            (AugmenterProvider<?>) reg.provider(PluginKind.AUGMENTER, "simclr"), ctx);
    return new TwoViewPipeline(
        source.load(Split.TRAIN), augmenter, PipelineConfig.defaults(), seed);
  }

  /**
   * The benchmarks' trainer ({@link StepBenchmark#spec}) with the small CNN on the pipeline's
   * views.
   */
  static TrainerSpec smallCnn(
      TwoViewPipeline pipeline, PluginContext ctx, long seed, int batch, int epochs) {
    return trainerSpec("small-cnn", pipeline, ctx, seed, batch, epochs);
  }

  /** As {@link #smallCnn}, with the encoder plugin {@code encoderName} (a fresh one each call). */
  static TrainerSpec trainerSpec(
      String encoderName,
      TwoViewPipeline pipeline,
      PluginContext ctx,
      long seed,
      int batch,
      int epochs) {
    var encoder =
        Plugins.createDefault(
            (EncoderProvider<?>) PluginRegistry.load().provider(PluginKind.ENCODER, encoderName),
            ctx.withInputShape(pipeline.viewShape()));
    return StepBenchmark.spec(encoder, seed, batch, pipeline.stepsPerEpoch(batch), epochs);
  }
}
