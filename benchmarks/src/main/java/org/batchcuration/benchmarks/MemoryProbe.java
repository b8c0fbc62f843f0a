package org.batchcuration.benchmarks;

import ai.djl.Device;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.EncoderProvider;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.StepInfo;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.NdArrayStats;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;
import org.batchcuration.simclr.loss.NtXentLoss;

/**
 * Child-process entry point: {@code MemoryProbe STEPS BATCH} trains the small CNN on random 1x28x28
 * views and prints {@code step=N rss_bytes=R open_ndarrays=A} after step 100 and after the last
 * step, for the memory section of the bench.
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) {
    int steps = Integer.parseInt(args[0]);
    int batch = Integer.parseInt(args[1]);
    ImageShape shape = new ImageShape(1, 28, 28);
    EncoderProvider<?> provider =
        (EncoderProvider<?>) PluginRegistry.load().provider(PluginKind.ENCODER, "small-cnn");
    PluginContext ctx = PluginContext.of(1, batch, 1).withInputShape(shape);
    TrainerSpec spec =
        new TrainerSpec(
            Plugins.createDefault(provider, ctx),
            HeadConfig.defaults(),
            new NtXentLoss(0.5),
            b -> CurationDecision.keepAll(b.size()),
            OptimizerConfig.defaults(),
            new ScheduleConfig("constant", 0, 0),
            List.of(Device.cpu()),
            1,
            batch,
            steps,
            1);
    Random r = new Random(3);
    try (SimClrTrainer trainer = new SimClrTrainer(spec)) {
      for (int s = 0; s < steps; s++) {
        float[] v1 = new float[batch * shape.size()];
        float[] v2 = new float[batch * shape.size()];
        for (int i = 0; i < v1.length; i++) {
          v1[i] = (float) r.nextGaussian();
          v2[i] = (float) r.nextGaussian();
        }
        int[] idx = new int[batch];
        for (int i = 0; i < batch; i++) {
          idx[i] = s * batch + i;
        }
        ViewBatch vb = new ViewBatch(idx, new int[0], shape, v1, v2);
        trainer.step(vb, (b, positions, attempt) -> b, new StepInfo(0, s, s, steps, 1));
        if (s + 1 == 100 || s + 1 == steps) {
          System.gc();
          NdArrayStats st = trainer.nativeStats();
          System.out.printf(
              Locale.ROOT,
              "step=%d rss_bytes=%d open_ndarrays=%d%n",
              s + 1,
              st.residentBytes(),
              st.openArrays());
        }
      }
    }
  }
}
