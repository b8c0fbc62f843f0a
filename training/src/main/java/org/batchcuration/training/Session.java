package org.batchcuration.training;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;

/**
 * The heavy objects of a run, built from a {@link TrainingSpec}: the loaded splits, the engine and
 * devices, the two-view pipeline and the trainer. Closing it closes the trainer (native memory) and
 * the pipeline (threads). Used by the training thread only.
 */
final class Session implements AutoCloseable {
  final TrainingSpec spec;
  final Engine engine;
  final List<Device> devices;
  final ImageDataset train;

  /**
   * The evaluation split: the dataset's test split, or the held-out part of {@code
   * eval.validation}.
   */
  final Optional<ImageDataset> test;

  final TwoViewPipeline pipeline;
  final int stepsPerEpoch;
  final SimClrTrainer trainer;
  final RepresentationScorer evaluator;
  final PluginBlame blame;

  private Session(TrainingSpec spec, Engine engine, List<Device> devices, StatusLine console) {
    this.spec = spec;
    this.engine = engine;
    this.devices = devices;
    ImageDataset loaded = spec.data().load(Split.TRAIN);
    int validation = spec.eval().validation();
    if (validation > 0) {
      HeldOutSplit.Parts parts = HeldOutSplit.split(loaded, validation);
      this.train = parts.train();
      this.test = Optional.of(parts.validation());
    } else {
      this.train = loaded;
      this.test =
          spec.data().splits().contains(Split.TEST)
              ? Optional.of(spec.data().load(Split.TEST))
              : Optional.empty();
    }
    TrainSettings t = spec.train();
    this.pipeline =
        new TwoViewPipeline(
            train,
            spec.augmenter(),
            new PipelineConfig(t.threads(), t.prefetch()),
            spec.seed(),
            spec.corruption(),
            t.measuresCoverage());
    SimClrTrainer built = null;
    try {
      this.stepsPerEpoch = pipeline.stepsPerEpoch(t.batchSize());
      this.blame = new PluginBlame(pluginObjects(spec));
      built = newTrainer(spec.seed());
      this.trainer = built;
      this.evaluator =
          new RepresentationScorer(
              pipeline,
              train,
              test,
              spec.eval(),
              spec.seed(),
              name -> new PhaseProgress(console, name, System::nanoTime));
    } catch (RuntimeException e) {
      pipeline.close();
      if (built != null) {
        built.close();
      }
      throw e;
    }
  }

  static Session open(TrainingSpec spec) {
    return open(spec, StatusLine.stderr());
  }

  /** A session whose evaluation phases show their progress on {@code console}. */
  static Session open(TrainingSpec spec, StatusLine console) {
    Engine engine = DeviceSelector.engine(spec.engine());
    List<Device> devices = DeviceSelector.select(spec.device(), engine.getGpuCount());
    return new Session(spec, engine, devices, console);
  }

  /** A new trainer (fresh encoder, parameters initialised from {@code seed}); caller closes it. */
  SimClrTrainer newTrainer(long seed) {
    TrainSettings t = spec.train();
    Encoder encoder = createEncoder();
    blame.add("encoder", encoder);
    blame.add("encoder", encoder.block());
    return new SimClrTrainer(
        new TrainerSpec(
            encoder,
            spec.head(),
            spec.loss(),
            spec.curator(),
            spec.optimizer(),
            spec.schedule(),
            devices,
            seed,
            t.batchSize(),
            stepsPerEpoch,
            t.epochs()));
  }

  /**
   * Calls the spec's encoder factory; a failure becomes a {@link PluginFailureException} naming the
   * encoder plugin (its class and jar, from {@link TrainingSpec#plugins()}) and the input shape.
   */
  private Encoder createEncoder() {
    ImageShape shape = pipeline.viewShape();
    try {
      return spec.encoderFactory().apply(shape);
    } catch (RuntimeException e) {
      String who =
          spec.plugins().stream()
              .filter(p -> p.kind() == PluginKind.ENCODER)
              .findFirst()
              .map(p -> PluginFailures.named("encoder", p))
              .orElse("the encoder factory");
      throw new PluginFailureException(
          who + " failed to create the encoder for input " + shape + ": " + e, e);
    }
  }

  /** Restores the trainer and the curator from {@code ckpt}. */
  void restore(Checkpoint ckpt) {
    try {
      trainer.loadState(new ByteArrayInputStream(ckpt.trainerState()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot restore the trainer: " + e.getMessage(), e);
    }
    spec.curator().restoreState(ckpt.curatorState());
  }

  private static Map<String, Object> pluginObjects(TrainingSpec spec) {
    return Map.of(
        "curator", spec.curator(),
        "loss", spec.loss(),
        "augmenter", spec.augmenter(),
        "dataset", spec.data());
  }

  @Override
  public void close() {
    try {
      trainer.close();
    } finally {
      pipeline.close();
    }
  }
}
