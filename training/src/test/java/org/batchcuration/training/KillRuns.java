package org.batchcuration.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.datasets.synthetic.SyntheticConfig;
import org.batchcuration.datasets.synthetic.SyntheticProvider;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;

/**
 * The run that {@link KillAndResumeTest} kills: 8 epochs of 2 steps on 16 synthetic images, a
 * checkpoint every epoch, the kNN monitor every 3 epochs, the final evaluation. Its {@link #main}
 * is the child process: it resumes the folder when it holds a run, else starts a fresh one.
 */
final class KillRuns {
  static final int EPOCHS = 8;
  static final int STEPS_PER_EPOCH = 2;
  static final long TOTAL_STEPS = (long) EPOCHS * STEPS_PER_EPOCH;

  /** What the child prints (and flushes) after each step: this prefix and the global step. */
  static final String STEP_DONE = "child: step done ";

  private KillRuns() {}

  static TrainingSpec spec() {
    return spec(EPOCHS);
  }

  /** The same run with {@code epochs} epochs. */
  static TrainingSpec spec(int epochs) {
    DatasetSource data =
        new SyntheticProvider()
            .create(
                new SyntheticConfig("", 0, TinyRuns.SIDE, 3, 4, 16, 16, 8.0, 5L),
                PluginContext.of(TinyRuns.SEED, TinyRuns.BATCH, 2));
    TrainSettings train =
        new TrainSettings(epochs, TinyRuns.BATCH, 2, 2, 4, 1, NonFinitePolicy.STOP, 0, 3);
    EvalSettings eval = new EvalSettings(5, 0.1, 3, 16, 0, 0.25, List.of(1e-3), 10, false);
    TinyRuns.DroppingCurator curator = new TinyRuns.DroppingCurator();
    String config =
        String.format(
            Locale.ROOT,
            "{\"seed\":%d,\"data\":{\"type\":\"synthetic\",\"trainCount\":16},"
                + "\"curator\":{\"type\":\"dropping\"},\"train\":{\"epochs\":%d}}",
            TinyRuns.SEED,
            epochs);
    return new TrainingSpec(
        TinyRuns.SEED,
        "mxnet",
        "cpu",
        data,
        TinyRuns.augmenter(),
        TinyRuns::encoder,
        new HeadConfig(32, 16, true),
        TinyRuns.ntXent(),
        curator,
        OptimizerConfig.defaults(),
        ScheduleConfig.defaults(),
        train,
        eval,
        config,
        List.of(TinyRuns.pluginInfo(curator)),
        CorruptionConfig.defaults());
  }

  /**
   * Starts {@link #main} in a new JVM (this JVM's java and class path, MXNet's NaiveEngine) on
   * {@code runDir}; its output goes to {@code log}.
   */
  static Process launch(Path runDir, long pauseMidWriteMillis, Path log) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.add("-Dai.djl.offline=true");
    command.add("-Dai.djl.default_engine=MXNet");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(classPath);
    command.add(KillRuns.class.getName());
    command.add(runDir.toString());
    command.add(Long.toString(pauseMidWriteMillis));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("MXNET_ENGINE_TYPE", "NaiveEngine");
    pb.environment().put("OMP_NUM_THREADS", "2");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  /** The child: {@code KillRuns <runDir> <pauseMidWriteMillis>}. Exits 0 when the run completed. */
  public static void main(String[] args) {
    Path run = Path.of(args[0]);
    AtomicWrite.pauseMidWrite(Long.parseLong(args[1]));
    RunMode mode = Files.exists(run.resolve(RunFiles.CONFIG)) ? RunMode.RESUME : RunMode.FRESH;
    System.out.println("child: " + mode + " " + run);
    TrainingListener announceSteps =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            System.out.println(STEP_DONE + e.step());
            System.out.flush();
          }
        };
    RunOutcome out = TrainingRun.run(spec(), run, mode, announceSteps, new CancellationToken());
    System.out.println("child: completed=" + out.completed());
    System.exit(out.completed() ? 0 : 3);
  }
}
