package org.batchcuration.benchmarks;

import ai.djl.Device;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.StepInfo;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;
import org.batchcuration.simclr.loss.NtXentLoss;

/**
 * Training-step throughput: {@code StepBenchmark ENCODER BATCH STEPS} runs {@code STEPS} SimCLR
 * steps (two views of 3x32x32 random images, NT-Xent, Adam, no curation) after two warm-up steps
 * and prints source images per second on the default engine and CPU.
 */
public final class StepBenchmark {
  private StepBenchmark() {}

  public static void main(String[] args) {
    if (args.length != 3) {
      System.err.println("usage: StepBenchmark ENCODER BATCH STEPS (e.g. resnet18 128 5)");
      System.exit(2);
    }
    String name = args[0];
    int batch = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    System.out.printf("%s images/s%n", format(run(name, batch, steps)));
  }

  /** Source images per second over {@code steps} timed steps. */
  public static double run(String encoderName, int batch, int steps) {
    ImageShape shape = new ImageShape(3, 32, 32);
    Encoder encoder = encoder(encoderName, PluginContext.of(1, batch, 1).withInputShape(shape));
    TrainerSpec spec = spec(encoder, 1, batch, steps + 2, 1);
    return timeSteps(spec, shape, batch, steps);
  }

  /**
   * Source images per second of {@code spec}'s training step over {@code steps} timed steps, after
   * two warm-up steps, on one fixed batch of two Gaussian random views of {@code shape} (seed 1);
   * {@code spec} must allow {@code steps + 2} steps.
   */
  static double timeSteps(TrainerSpec spec, ImageShape shape, int batch, int steps) {
    Random r = new Random(1);
    float[] v1 = new float[batch * shape.size()];
    float[] v2 = new float[batch * shape.size()];
    for (int i = 0; i < v1.length; i++) {
      v1[i] = (float) r.nextGaussian();
      v2[i] = (float) r.nextGaussian();
    }
    int[] idx = new int[batch];
    for (int i = 0; i < batch; i++) {
      idx[i] = i;
    }
    ViewBatch views = new ViewBatch(idx, new int[0], shape, v1, v2);
    try (SimClrTrainer trainer = new SimClrTrainer(spec)) {
      long start = 0;
      for (int s = 0; s < steps + 2; s++) {
        if (s == 2) {
          start = System.nanoTime();
        }
        trainer.step(views, (b, p, a) -> b, new StepInfo(0, s, s, steps + 2, 1));
      }
      return (double) batch * steps / ((System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The trainer every benchmark measures: {@code encoder} with the default head and Adam, NT-Xent
   * at temperature 0.5, no curation, a constant learning rate, on the CPU.
   */
  public static TrainerSpec spec(
      Encoder encoder, long seed, int batch, int stepsPerEpoch, int epochs) {
    return new TrainerSpec(
        encoder,
        HeadConfig.defaults(),
        new NtXentLoss(0.5),
        b -> CurationDecision.keepAll(b.size()),
        OptimizerConfig.defaults(),
        new ScheduleConfig(ScheduleConfig.Type.CONSTANT, 0, 0),
        List.of(Device.cpu()),
        seed,
        batch,
        stepsPerEpoch,
        epochs);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Encoder encoder(String name, PluginContext context) {
    for (EncoderProvider p : ServiceLoader.load(EncoderProvider.class)) {
      if (p.name().equals(name)) {
        return (Encoder) p.create(p.defaultConfig(), context);
      }
    }
    throw new IllegalArgumentException("unknown encoder " + name);
  }

  private static String format(double v) {
    return String.format("%.1f", v);
  }
}
