package org.batchcuration.runner.config;

import org.batchcuration.api.PluginKind;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.training.EvalSettings;
import org.batchcuration.training.TrainSettings;

/**
 * The experiment config's sections, in the order {@code config.resolved.json} lists them: {@code
 * data}, {@code augment}, {@code encoder}, {@code head}, {@code loss}, {@code curator}, {@code
 * optimizer}, {@code schedule}, {@code train}, {@code eval}, {@code corruption}, {@code output}.
 * {@code data} has no default; the other plugin sections default to SimCLR's choices ({@code
 * simclr} augmentation, a {@code resnet18} encoder, {@code nt-xent}, no curation).
 */
public final class StandardSchema {
  private StandardSchema() {}

  public static ConfigSchema schema() {
    return ConfigSchema.builder()
        .plugin(PluginKind.DATASET, null)
        .plugin(PluginKind.AUGMENTER, "simclr")
        .plugin(PluginKind.ENCODER, "resnet18")
        .record("head", HeadConfig.class, HeadConfig.defaults())
        .plugin(PluginKind.LOSS, "nt-xent")
        .plugin(PluginKind.CURATOR, "none")
        .record("optimizer", OptimizerConfig.class, OptimizerConfig.defaults())
        .record("schedule", ScheduleConfig.class, ScheduleConfig.defaults())
        .record("train", TrainSettings.class, TrainSettings.defaults())
        .record("eval", EvalSettings.class, EvalSettings.defaults())
        .record("corruption", CorruptionConfig.class, CorruptionConfig.defaults())
        .record("output", OutputConfig.class, OutputConfig.defaults())
        .runShape("train", TrainSettings.class, TrainSettings::batchSize, TrainSettings::epochs)
        .build();
  }
}
