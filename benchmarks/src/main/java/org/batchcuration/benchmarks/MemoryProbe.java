package org.batchcuration.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.StepInfo;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.simclr.NdArrayStats;
import org.batchcuration.simclr.ProcStatus;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.TrainerSpec;

/**
 * Child-process entry point: {@code MemoryProbe STEPS BATCH EVERY DATASET} runs a real training
 * loop (the dataset, {@code fashion-mnist} or {@code synthetic}, through the default {@code simclr}
 * augmenter and the prefetching two-view pipeline into the small CNN, across epoch boundaries as a
 * run does) and prints, every {@code EVERY} steps, one line {@code step=N rss_bytes=R
 * rss_anon_bytes=A heap_committed_bytes=C heap_used_bytes=U open_ndarrays=O}.
 *
 * <p>It never calls {@code System.gc()}: a forced collection resizes the heap and so changes the
 * very figure it measures. It runs with the JVM flags the launcher uses for training, which the
 * bench passes on ({@link ChildProcess#java}).
 */
public final class MemoryProbe {
  private MemoryProbe() {}

  public static void main(String[] args) {
    int steps = Integer.parseInt(args[0]);
    int batch = Integer.parseInt(args[1]);
    int every = Integer.parseInt(args[2]);
    String dataName = args[3];
    PluginContext ctx = PluginContext.of(5, batch, 1);
    try (TwoViewPipeline pipeline = DefaultLoop.pipeline(dataName, ctx, 5)) {
      int spe = pipeline.stepsPerEpoch(batch);
      int epochs = (steps + spe - 1) / spe;
      TrainerSpec spec = DefaultLoop.smallCnn(pipeline, ctx, 5, batch, epochs);
      System.out.printf(Locale.ROOT, "dataset=%s steps_per_epoch=%d%n", dataName, spe);
      int global = 0;
      try (SimClrTrainer trainer = new SimClrTrainer(spec)) {
        for (int epoch = 0; global < steps; epoch++) {
          try (EpochBatches batches = pipeline.epoch(epoch, batch, 0, s -> batch)) {
            for (int s = 0; s < spe && global < steps; s++) {
              trainer.step(batches.next(), pipeline, new StepInfo(epoch, s, global, spe, epochs));
              global++;
              if (global % every == 0 || global == steps) {
                print(global, trainer.nativeStats());
              }
            }
          }
        }
      }
    }
  }

  private static void print(int step, NdArrayStats st) {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(
        Locale.ROOT,
        "step=%d rss_bytes=%d rss_anon_bytes=%d heap_committed_bytes=%d heap_used_bytes=%d"
            + " open_ndarrays=%d%n",
        step,
        st.residentBytes(),
        ProcStatus.bytes("RssAnon:"),
        heap.getCommitted(),
        heap.getUsed(),
        st.openArrays());
  }
}
