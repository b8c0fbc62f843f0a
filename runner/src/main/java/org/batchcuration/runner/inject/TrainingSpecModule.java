package org.batchcuration.runner.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.List;
import java.util.function.Function;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.training.EvalSettings;
import org.batchcuration.training.TrainSettings;
import org.batchcuration.training.TrainingSpec;

/**
 * Binds the {@link TrainingSpec} of a config resolved with the standard schema: the created
 * plugins, the record sections, the resolved JSON and a description of the plugins it uses.
 */
final class TrainingSpecModule extends AbstractModule {
  @Provides
  @Singleton
  TrainingSpec spec(
      ExperimentConfig c,
      PluginRegistry registry,
      DatasetSource data,
      Augmenter augmenter,
      Function<ImageShape, Encoder> encoders,
      ContrastiveLoss loss,
      BatchCurator curator) {
    List<PluginInfo> used =
        registry.plugins().stream()
            .filter(
                p ->
                    c.pluginKinds().contains(p.kind())
                        && c.plugin(p.kind()).name().equals(p.name()))
            .toList();
    return new TrainingSpec(
        c.seed(),
        c.engine().toString(),
        c.deviceSpec(),
        data,
        augmenter,
        encoders,
        c.section("head", HeadConfig.class),
        loss,
        curator,
        c.section("optimizer", OptimizerConfig.class),
        c.section("schedule", ScheduleConfig.class),
        c.section("train", TrainSettings.class),
        c.section("eval", EvalSettings.class),
        c.resolvedJson(),
        used,
        c.section("corruption", CorruptionConfig.class));
  }
}
