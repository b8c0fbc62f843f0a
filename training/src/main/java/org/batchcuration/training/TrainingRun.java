package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.batchcuration.api.DataException;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.api.Split;
import org.batchcuration.evaluation.Npy;
import org.batchcuration.evaluation.Pca2d;
import org.batchcuration.reporting.RunReport;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runfolder.MetricKeys;
import org.batchcuration.runfolder.NoRunException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.batchcuration.runfolder.RunJson;
import org.batchcuration.simclr.SimClrTrainer;

/**
 * Runs a training run end to end and writes its run folder (see docs/internal-contracts.md): {@code
 * config.resolved.json}, {@code provenance.json}, {@code metrics.jsonl}, {@code checkpoints/},
 * {@code result.json}, {@code projection2d.json}, {@code model/} and the report.
 *
 * <p>Determinism: with the same spec, a run gives the same weights and metrics (timings aside), and
 * a run resumed from a checkpoint ends exactly as an uninterrupted one (bit for bit on the CPU with
 * MXNet's NaiveEngine). Thread-safety: each call runs on the calling thread; {@link #run} and
 * {@link #evaluate} hold the folder's {@link FolderLock} while they write, so a second writer (in
 * this or another process) is refused with a {@link RunFolderException}; {@link #embed} only reads.
 */
public final class TrainingRun {
  /** Test embeddings projected into {@code projection2d.json}. */
  static final int PROJECTION_LIMIT = 2000;

  private TrainingRun() {}

  /**
   * Trains (or resumes), evaluates and writes the run folder. Nothing in the folder is written
   * (nor, for OVERWRITE, deleted) until the data, the engine and the plugins are loaded, so bad
   * input leaves it as it was.
   *
   * @throws RunFolderException for a folder that holds a run with FRESH, a RESUME of a folder
   *     without a run or with another config, or a folder another writer holds
   * @throws NonFiniteLossException when the loss is not finite and the policy says stop
   * @throws PluginFailureException when a plugin throws; the message names its class and jar
   */
  public static RunOutcome run(
      TrainingSpec spec,
      Path runDir,
      RunMode mode,
      TrainingListener listener,
      CancellationToken cancel) {
    return run(spec, runDir, mode, listener, cancel, builtInSinks());
  }

  /**
   * The one list of built-in sinks, each a factory (a sink belongs to one run): the {@code
   * metrics.csv} writer. The runner's injector binds these, then adds the plugins' sinks.
   */
  public static final List<Supplier<MetricsSink>> BUILT_IN_SINKS = List.of(CsvMetricsSink::new);

  /** The sinks of a run that names none: a new one of each {@link #BUILT_IN_SINKS}. */
  public static List<MetricsSink> builtInSinks() {
    return BUILT_IN_SINKS.stream().map(Supplier::get).toList();
  }

  /**
   * {@link #run(TrainingSpec, Path, RunMode, TrainingListener, CancellationToken)} reporting to
   * {@code sinks} (in order): see {@link MetricsSink} for when each is called. The caller hands the
   * sinks over: they are closed when the run ends.
   */
  public static RunOutcome run(
      TrainingSpec spec,
      Path runDir,
      RunMode mode,
      TrainingListener listener,
      CancellationToken cancel,
      List<? extends MetricsSink> sinks) {
    return run(spec, runDir, mode, listener, cancel, sinks, StatusLine.stderr());
  }

  /**
   * {@link #run(TrainingSpec, Path, RunMode, TrainingListener, CancellationToken, List)} showing
   * its progress (the step bar or lines, the evaluation phases, the note on images left out of each
   * epoch, checkpoint recovery notes) on {@code console}; {@link StatusLine#silent()} shows none,
   * as an embedded run does unless asked.
   */
  public static RunOutcome run(
      TrainingSpec spec,
      Path runDir,
      RunMode mode,
      TrainingListener listener,
      CancellationToken cancel,
      List<? extends MetricsSink> sinks,
      StatusLine console) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(runDir, "runDir");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancel, "cancel");
    Objects.requireNonNull(console, "console");
    // the sinks are closed however the run ends, also when it is refused before it starts
    try (MetricsSinks metricSinks = new MetricsSinks(sinks)) {
      String config = RunJson.prettyDocument(spec.resolvedConfigJson(), "resolvedConfigJson");
      TrainingFolder folder = new TrainingFolder(runDir, console::println);
      FolderLock.requireNoWriter(folder.dir(), TrainingFolder.KIND);
      folder.checkBeforeWriting(mode, spec.resolvedConfigJson());
      SizeChecks.checkMemory(spec.train().batchSize(), SizeChecks.physicalMemoryBytes());
      Instant start = Instant.now();
      // data, engine and plugins are loaded before the folder is touched, so that bad input leaves
      // it as it was; then the folder's lock is taken before anything is written or deleted
      try (Session s = Session.open(spec, console);
          FolderLock lock = lockChecked(folder, s, mode)) {
        Optional<Checkpoint> resume = folder.check(mode, spec.resolvedConfigJson());
        MetricsWriter.requireLength(
            folder.file(RunFiles.METRICS), resume.map(Checkpoint::metricsBytes).orElse(0L));
        lock.requireHeld();
        folder.create(mode);
        int leftOut = SizeChecks.leftOutPerEpoch(s.train.size(), spec.train().batchSize());
        if (leftOut > 0) {
          console.println(leftOutNote(s, leftOut));
        }
        writeStartFiles(folder, s, config, mode == RunMode.RESUME, start);
        resume.ifPresent(s::restore);
        Totals totals = resume.map(c -> c.totals().copy()).orElseGet(Totals::new);
        int startEpoch = resume.map(Checkpoint::epoch).orElse(0);
        int startStep = resume.map(Checkpoint::stepInEpoch).orElse(0);
        boolean completed;
        try (MetricsWriter metrics =
            MetricsWriter.open(
                folder.file(RunFiles.METRICS), resume.map(Checkpoint::metricsBytes).orElse(0L))) {
          metricSinks.start(folder.dir(), resume.isPresent());
          TrainingLoop loop =
              new TrainingLoop(
                  spec,
                  s.trainer,
                  s.pipeline,
                  s.evaluator,
                  metrics,
                  metricSinks,
                  folder.checkpoints(),
                  totals,
                  listener,
                  cancel,
                  s.blame,
                  s.stepsPerEpoch,
                  console);
          completed = loop.run(startEpoch, startStep);
        }
        if (!completed) {
          Map<String, Object> partial = new LinkedHashMap<>();
          Checkpoint last = folder.requireLatestCheckpoint();
          partial.put("status", "cancelled");
          partial.put("epoch", last.epoch());
          partial.put("steps", last.step());
          return new RunOutcome(folder.dir(), partial, false);
        }
        saveModel(folder, s.trainer);
        Optional<Map<String, Object>> evaluated = finish(folder, s, totals, listener, cancel);
        if (evaluated.isEmpty()) {
          return new RunOutcome(folder.dir(), cancelledDuringEvaluation(folder), false);
        }
        Map<String, Object> result = evaluated.get();
        // the sinks (metrics.csv among them) are the run's last files: they see the result as
        // result.json will say it once they are written
        metricSinks.result(completed(result));
        return new RunOutcome(folder.dir(), markCompleted(folder, result), true);
      }
    }
  }

  /**
   * Re-evaluates a run's final checkpoint with the evaluation settings of {@code spec}; rewrites
   * {@code result.json}, {@code projection2d.json} and the report.
   *
   * @return the new contents of {@code result.json}
   */
  public static Map<String, Object> evaluate(TrainingSpec spec, Path runDir) {
    Objects.requireNonNull(spec, "spec");
    TrainingFolder folder = new TrainingFolder(Objects.requireNonNull(runDir, "runDir"));
    if (!folder.holdsRun()) {
      throw new NoRunException(
          folder.dir(), folder.dir() + " holds no run (" + RunFiles.CONFIG + " is missing)");
    }
    try (FolderLock lock = FolderLock.acquire(folder.dir(), TrainingFolder.KIND, "eval")) {
      Checkpoint ckpt = requireFinished(folder, spec);
      try (Session s = Session.open(spec)) {
        s.restore(ckpt);
        lock.requireHeld();
        Map<String, Object> result =
            finish(folder, s, ckpt.totals(), TrainingListener.NONE, new CancellationToken())
                .orElseThrow();
        return markCompleted(folder, result);
      }
    }
  }

  /**
   * Checks the size relations of {@code spec} against its data without training or writing
   * anything: a batch or a curator pool larger than the training split, kNN's k, the probe's
   * held-out part, a batch whose step cannot fit in memory. The ablation checks every cell with it
   * before it trains any.
   *
   * @throws org.batchcuration.api.InvalidConfigException for the first relation that fails
   */
  public static void checkSizes(TrainingSpec spec) {
    Objects.requireNonNull(spec, "spec");
    SizeChecks.checkMemory(spec.train().batchSize(), SizeChecks.physicalMemoryBytes());
    ImageDataset train = spec.data().load(Split.TRAIN);
    boolean scored =
        train.hasLabels()
            && spec.data().splits().contains(Split.TEST)
            && spec.data().load(Split.TEST).hasLabels();
    SizeChecks.check(spec, train, scored);
  }

  /** Checks the sizes of config and data (nothing written yet), then locks the folder. */
  private static FolderLock lockChecked(TrainingFolder folder, Session s, RunMode mode) {
    SizeChecks.check(s.spec, s.train, s.evaluator.canScore());
    return FolderLock.acquire(folder.dir(), TrainingFolder.KIND, purpose(mode));
  }

  /** The line that says how many images the dropped last partial batch leaves out each epoch. */
  static String leftOutNote(Session s, int leftOut) {
    int batch = s.spec.train().batchSize();
    return "note: each epoch trains "
        + s.stepsPerEpoch
        + " full batches of "
        + batch
        + " and leaves out the last "
        + leftOut
        + " of the "
        + s.train.size()
        + " training images (a different "
        + leftOut
        + " each epoch: the order is reshuffled)";
  }

  private static String purpose(RunMode mode) {
    return switch (mode) {
      case FRESH -> "train";
      case RESUME -> "train --resume";
      case OVERWRITE -> "train --overwrite";
    };
  }

  /**
   * Writes the representations of every image of {@code split} from the run's final checkpoint to
   * {@code outNpy} ({@code n x dim} float32) and their labels ({@code n} int32, -1 when unlabelled)
   * to the file beside it whose name ends in {@code .labels.npy}.
   *
   * @throws org.batchcuration.runfolder.NoRunException when the folder holds no run or no
   *     checkpoint
   * @throws DataException when the run's dataset has no such split (nothing is written)
   */
  public static void embed(TrainingSpec spec, Path runDir, Split split, Path outNpy) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(outNpy, "outNpy");
    TrainingFolder folder = new TrainingFolder(Objects.requireNonNull(runDir, "runDir"));
    Checkpoint ckpt = folder.requireLatestCheckpoint();
    if (!spec.data().splits().contains(split)) {
      String has =
          spec.data().splits().stream()
              .sorted()
              .map(Split::id)
              .collect(java.util.stream.Collectors.joining(", "));
      throw new DataException(
          "the run's dataset has no "
              + split.id()
              + " split (it has: "
              + has
              + "); embed one of those with --split "
              + has.split(", ")[0]);
    }
    try (Session s = Session.open(spec)) {
      s.restore(ckpt);
      ImageDataset data =
          switch (split) {
            case TRAIN -> s.train;
            case TEST -> s.test.orElseThrow();
            default -> spec.data().load(split);
          };
      Features f = s.evaluator.embed(s.trainer, data, data.size());
      Npy.writeFloat(outNpy, f.values(), f.n(), f.dim());
      Npy.writeInt(labelsFile(outNpy), f.labels());
      List<String> names = data.classNames();
      Path classes = classNamesFile(outNpy);
      if (names.isEmpty()) {
        Files.deleteIfExists(classes);
      } else {
        AtomicWrite.writeString(classes, String.join("\n", names) + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + outNpy + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@code x.npy} -&gt; {@code x.labels.npy} (any other name gets {@code .labels.npy} appended).
   */
  static Path labelsFile(Path outNpy) {
    String name = outNpy.getFileName().toString();
    String base = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    return outNpy.resolveSibling(base + ".labels.npy");
  }

  /**
   * {@code x.npy} -&gt; {@code x.classes.txt}: the dataset's class names, one per line, line {@code
   * i} naming label {@code i} of the labels file (written when the dataset names its classes).
   */
  static Path classNamesFile(Path outNpy) {
    String name = outNpy.getFileName().toString();
    String base = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
    return outNpy.resolveSibling(base + ".classes.txt");
  }

  private static Checkpoint requireFinished(TrainingFolder folder, TrainingSpec spec) {
    Checkpoint ckpt = folder.requireLatestCheckpoint();
    if (ckpt.epoch() < spec.train().epochs()) {
      throw new RunFolderException(
          folder.dir()
              + " has not finished training: its latest checkpoint is at epoch "
              + ckpt.epoch()
              + ", step "
              + ckpt.stepInEpoch()
              + " of "
              + spec.train().epochs()
              + " epochs; resume it first");
    }
    return ckpt;
  }

  private static void writeStartFiles(
      TrainingFolder folder, Session s, String config, boolean resumed, Instant start) {
    List<ImageDataset> datasets = new ArrayList<>();
    datasets.add(s.train);
    s.test.ifPresent(datasets::add);
    Map<String, Object> provenance = Provenance.build(s.spec, s.engine, s.devices, datasets, start);
    Map<String, Object> batching = new LinkedHashMap<>();
    batching.put("train_images", s.train.size());
    batching.put("batch_size", s.spec.train().batchSize());
    batching.put("steps_per_epoch", s.stepsPerEpoch);
    batching.put(
        "images_left_out_per_epoch",
        SizeChecks.leftOutPerEpoch(s.train.size(), s.spec.train().batchSize()));
    provenance.put("batching", batching);
    Path provFile = folder.file(RunFiles.PROVENANCE);
    if (resumed && Files.exists(provFile)) {
      Map<String, Object> original = RunJson.readMap(provFile);
      List<Object> resumes = new ArrayList<>();
      if (original.get("resumes") instanceof List<?> l) {
        resumes.addAll(l);
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("start_time", provenance.get("start_time"));
      entry.put("device", provenance.get("device"));
      entry.put("engine", provenance.get("engine"));
      if (provenance.containsKey("git_commit")) {
        entry.put("git_commit", provenance.get("git_commit"));
      }
      resumes.add(entry);
      original.put("resumes", resumes);
      provenance = original;
    } else {
      AtomicWrite.writeString(folder.file(RunFiles.CONFIG), config);
    }
    AtomicWrite.writeString(provFile, RunJson.pretty(provenance));
  }

  private static void saveModel(TrainingFolder folder, SimClrTrainer trainer) {
    AtomicWrite.replaceFolder(
        folder.file(RunFiles.MODEL), tmp -> trainer.saveEncoderModel(tmp, RunFiles.MODEL_NAME));
  }

  /** The outcome of a run stopped during its final evaluation: training is finished. */
  private static Map<String, Object> cancelledDuringEvaluation(TrainingFolder folder) {
    Map<String, Object> partial = new LinkedHashMap<>();
    Checkpoint last = folder.requireLatestCheckpoint();
    partial.put("status", "cancelled");
    partial.put("epoch", last.epoch());
    partial.put("steps", last.step());
    return partial;
  }

  /**
   * Rewrites {@code result.json} with status {@value MetricKeys#COMPLETED}: the last write of a
   * run, once every other file is written.
   */
  private static Map<String, Object> markCompleted(
      TrainingFolder folder, Map<String, Object> result) {
    String text = RunJson.pretty(completed(result));
    writeResult(folder, text);
    return RunJson.readMap(text);
  }

  /** {@code result} with status {@value MetricKeys#COMPLETED}. */
  private static Map<String, Object> completed(Map<String, Object> result) {
    Map<String, Object> done = new LinkedHashMap<>(result);
    done.put(MetricKeys.STATUS, MetricKeys.COMPLETED);
    return done;
  }

  private static void writeResult(TrainingFolder folder, String text) {
    try {
      AtomicWrite.writeString(folder.file(RunFiles.RESULT), text);
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot write "
              + RunFiles.RESULT
              + " in "
              + folder.dir()
              + ": "
              + e.getCause().getMessage()
              + "; training is finished and its final checkpoint is intact: resume the run to"
              + " evaluate it and write the result again",
          e.getCause());
    }
  }

  /**
   * Final evaluation, result.json (status {@value MetricKeys#EVALUATED}), then the projection and
   * the report (so that a failure writing those never loses the result); the caller marks the run
   * completed once its last files are written. Empty when {@code cancel} was cancelled during the
   * evaluation (SIGTERM, Ctrl-C): nothing is written then, and a resume evaluates again.
   */
  private static Optional<Map<String, Object>> finish(
      TrainingFolder folder,
      Session s,
      Totals totals,
      TrainingListener listener,
      CancellationToken cancel) {
    TrainingSpec spec = s.spec;
    Map<String, Object> result = new LinkedHashMap<>();
    Optional<Features> projected = Optional.empty();
    if (s.evaluator.canScore()) {
      Features[] testFeatures = new Features[1];
      Map<String, Double> scores = s.evaluator.score(s.trainer, "", testFeatures);
      listener.onEvaluation(new EvaluationEvent("final", spec.train().epochs(), scores));
      result.putAll(scores);
      if (spec.eval().randomInitBaseline()) {
        try (SimClrTrainer random = s.newTrainer(spec.seed() + 1)) {
          Map<String, Double> base = s.evaluator.score(random, "random_init_", null);
          listener.onEvaluation(new EvaluationEvent("random_init", spec.train().epochs(), base));
          result.putAll(base);
        }
      }
      if (s.evaluator.scoresPixels()) {
        Map<String, Double> pixels = s.evaluator.scorePixels();
        listener.onEvaluation(new EvaluationEvent("pixels", spec.train().epochs(), pixels));
        result.putAll(pixels);
      }
      result.put("eval_split", spec.eval().validation() > 0 ? "validation" : "test");
      result.put("eval_images", testFeatures[0].n());
      projected = Optional.of(testFeatures[0]);
    } else if (s.test.isPresent()) {
      projected = Optional.of(s.evaluator.embedTest(s.trainer));
    }
    result.put("epochs", spec.train().epochs());
    result.put("steps", (long) spec.train().epochs() * s.stepsPerEpoch);
    result.put("train_seconds", totals.trainNanos / 1e9);
    Map<String, Object> curation = new LinkedHashMap<>();
    curation.put("curated_fraction_mean", finiteOrNull(totals.runCuratedMean()));
    curation.put("previews_total", totals.runPreviews);
    curation.put("redrawn_pairs_total", totals.runRedrawnPairs);
    curation.put("skipped_steps", totals.runSkipped);
    curation.values().removeIf(Objects::isNull);
    result.put("curation", curation);
    if (spec.corruption().enabled()) {
      result.put("corruption", CorruptionStats.result(spec.corruption(), totals));
    }
    if (cancel.isCancelled()) {
      return Optional.empty();
    }
    result.put(MetricKeys.STATUS, MetricKeys.EVALUATED);
    String text = RunJson.pretty(result);
    writeResult(folder, text);
    try {
      List<String> classNames = s.test.map(ImageDataset::classNames).orElse(List.of());
      projected.ifPresent(f -> writeProjection(folder, f, classNames));
      RunReport.write(folder.dir());
    } catch (IOException | RuntimeException e) {
      throw new UncheckedIOException(
          "cannot write the report in "
              + folder.dir()
              + ": "
              + e
              + "; the run's results are saved in "
              + RunFiles.RESULT
              + "; resume the run to write the report again",
          e instanceof IOException io ? io : new IOException(e));
    }
    // as a reader of result.json sees it (the same number types)
    return Optional.of(RunJson.readMap(text));
  }

  private static void writeProjection(
      TrainingFolder folder, Features test, List<String> classNames) {
    Features f = test.head(PROJECTION_LIMIT);
    if (f.n() < 2) {
      return;
    }
    float[] xy = Pca2d.project(f.values(), f.n(), f.dim());
    float[] x = new float[f.n()];
    float[] y = new float[f.n()];
    for (int i = 0; i < f.n(); i++) {
      x[i] = xy[2 * i];
      y[i] = xy[2 * i + 1];
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("x", x);
    p.put("y", y);
    p.put("label", f.labels());
    if (!classNames.isEmpty()) {
      p.put("classNames", classNames);
    }
    AtomicWrite.writeString(folder.file(RunFiles.PROJECTION), RunJson.line(p) + "\n");
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
