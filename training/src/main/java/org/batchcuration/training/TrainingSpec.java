package org.batchcuration.training;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;

/**
 * Everything a training run needs, with the plugins already created (the runner builds this from
 * the JSON config). The run owns none of the plugins' lifecycles beyond the run itself; the
 * curator's mutable state is checkpointed and restored by the run.
 *
 * @param seed the run seed (pipeline, parameter initialisation, probe)
 * @param engine DJL engine name as in configs ({@code mxnet}, {@code pytorch})
 * @param device {@code auto}, {@code cpu}, {@code gpu:N} or a comma-separated list of those
 * @param data the dataset (train split for training, test split for evaluation)
 * @param augmenter view augmentation and the evaluation transform
 * @param encoderFactory builds a fresh encoder for the view shape (called once per model built)
 * @param head projection head
 * @param loss the contrastive loss
 * @param curator the batch curator
 * @param optimizer optimizer settings
 * @param schedule learning rate schedule
 * @param train loop settings
 * @param eval evaluation settings
 * @param resolvedConfigJson the config with every default filled in, written to {@code
 *     config.resolved.json} and compared on resume
 * @param plugins the plugins the config uses, recorded in {@code provenance.json}
 * @param corruption the corruption testbed (off by default): which pairs it corrupts is ground
 *     truth for the detection diagnostics and is never shown to the curator
 */
public record TrainingSpec(
    long seed,
    String engine,
    String device,
    DatasetSource data,
    Augmenter augmenter,
    Function<ImageShape, Encoder> encoderFactory,
    HeadConfig head,
    ContrastiveLoss loss,
    BatchCurator curator,
    OptimizerConfig optimizer,
    ScheduleConfig schedule,
    TrainSettings train,
    EvalSettings eval,
    String resolvedConfigJson,
    List<PluginInfo> plugins,
    CorruptionConfig corruption) {

  public TrainingSpec {
    Checks.present("engine", engine);
    Checks.present("device", device);
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(augmenter, "augmenter");
    Objects.requireNonNull(encoderFactory, "encoderFactory");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(loss, "loss");
    Objects.requireNonNull(curator, "curator");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(eval, "eval");
    Objects.requireNonNull(resolvedConfigJson, "resolvedConfigJson");
    plugins = List.copyOf(Objects.requireNonNull(plugins, "plugins"));
    Objects.requireNonNull(corruption, "corruption");
  }

  /** This spec training on {@code device} instead; every other part is kept. */
  public TrainingSpec withDevice(String device) {
    return new TrainingSpec(
        seed,
        engine,
        device,
        data,
        augmenter,
        encoderFactory,
        head,
        loss,
        curator,
        optimizer,
        schedule,
        train,
        eval,
        resolvedConfigJson,
        plugins,
        corruption);
  }
}
