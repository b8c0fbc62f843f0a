package org.batchcuration.runner.ablation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.reporting.AblationCell;
import org.batchcuration.reporting.AblationReport;
import org.batchcuration.runfolder.ConfigMismatchException;
import org.batchcuration.runfolder.FolderKind;
import org.batchcuration.runfolder.FolderLock;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunJson;
import org.batchcuration.runfolder.WrongFolderKindException;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.training.TrainingListener;
import org.batchcuration.training.TrainingRun;

/**
 * Runs every cell x seed of an {@link AblationPlan} into {@code <out>/<cell>/seed-<s>}, then writes
 * {@code summary.csv}, {@code summary.md} and {@code report.html}, which compare the cells seed by
 * seed with the baseline and control cells ({@link #references}). Every run's config is resolved
 * before the first one starts, so a bad cell fails early. A run whose {@code result.json} says
 * {@code completed} is skipped; the others go to the {@link AblationExecutor} ({@code local} unless
 * chosen otherwise), which resumes a folder holding an interrupted run. The ablation folder's
 * {@link FolderLock} is held while it runs (each run folder gets its own as it trains), so a second
 * {@code ablate} of the same folder is refused. Not thread-safe.
 */
public final class AblationRunner {
  /** What an ablation produced. */
  public record Outcome(Path dir, boolean completed, Optional<Path> report, String summary) {
    public Outcome {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(report, "report");
      Objects.requireNonNull(summary, "summary");
    }
  }

  /**
   * One run of an ablation.
   *
   * @param cell its cell
   * @param seed its seed
   * @param config its resolved config
   * @param dir its run folder
   * @param position where it sits in the ablation
   * @param replace whether its folder holds a run with another config that is to be replaced
   *     ({@code ablate --overwrite}): executors train it with {@code RunMode.OVERWRITE}
   */
  public record Planned(
      AblationPlan.Cell cell,
      long seed,
      ExperimentConfig config,
      Path dir,
      Position position,
      boolean replace) {
    public Planned {
      Objects.requireNonNull(position, "position");
    }

    /** A run to start or resume (not to replace). */
    public Planned(
        AblationPlan.Cell cell, long seed, ExperimentConfig config, Path dir, Position position) {
      this(cell, seed, config, dir, position, false);
    }

    /** This run, to be trained again from scratch ({@code ablate --overwrite}). */
    Planned replacing() {
      return new Planned(cell, seed, config, dir, position, true);
    }

    /** A run at position 1 of 1 (for callers that do not place runs in a plan). */
    public Planned(AblationPlan.Cell cell, long seed, ExperimentConfig config, Path dir) {
      this(cell, seed, config, dir, new Position(1, 1, 1, 1));
    }
  }

  /**
   * Where a run sits in its ablation, one-based: cell {@code cell} of {@code cells}, seed {@code
   * seed} of {@code seeds}.
   */
  public record Position(int cell, int cells, int seed, int seeds) {
    public Position {
      if (cell < 1 || cell > cells || seed < 1 || seed > seeds) {
        throw new IllegalArgumentException(
            "cell " + cell + "/" + cells + ", seed " + seed + "/" + seeds);
      }
    }

    /** {@code cell 2/6, seed 1/3}. */
    public String label() {
      return "cell " + cell + "/" + cells + ", seed " + seed + "/" + seeds;
    }
  }

  private final ExperimentRunner runner;
  private final Consumer<String> log;
  private final AblationExecutor executor;
  private final Map<String, String> options;

  /** {@code log} receives one line per run started, skipped or resumed; runs train locally. */
  public AblationRunner(ExperimentRunner runner, Consumer<String> log) {
    this(runner, log, new LocalExecutor(), Map.of());
  }

  /** An ablation runner whose pending runs go to {@code executor} with its {@code options}. */
  public AblationRunner(
      ExperimentRunner runner,
      Consumer<String> log,
      AblationExecutor executor,
      Map<String, String> options) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.log = Objects.requireNonNull(log, "log");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.options = Map.copyOf(options);
  }

  /** Runs (or finishes) the ablation; stops early, incomplete, when {@code handle} is cancelled. */
  public Outcome run(
      AblationPlan plan, Path out, Overrides sets, TrainingListener listener, RunHandle handle) {
    return run(plan, out, sets, false, listener, handle);
  }

  /**
   * Runs (or finishes) the ablation. Before anything is written (the folder's lock included) it
   * checks what {@code out} is ({@link FolderKind}: a run folder, a file or a run's remains are
   * refused), that every run folder already there holds the config planned now (else a {@link
   * ConfigMismatchException} naming the cell and the first difference, unless {@code
   * replaceDiffering}: then such runs are trained again from scratch), and every cell's sizes
   * against its data.
   */
  public Outcome run(
      AblationPlan plan,
      Path out,
      Overrides sets,
      boolean replaceDiffering,
      TrainingListener listener,
      RunHandle handle) {
    requireAblationFolder(out);
    List<Planned> runs = checkExisting(plan(plan, out, sets), replaceDiffering);
    checkSizes(runs);
    RunFiles.requireWritable(out);
    try (FolderLock lock = FolderLock.acquire(out, "ablation folder", "ablate")) {
      lock.requireHeld();
      // what a killed report or summary write left; each run folder cleans its own on resume
      RunFiles.removeTempFiles(out, 1);
      RunFiles.removeTempFiles(out.resolve(RunFiles.PLOTS), 1);
      return runLocked(plan, runs, out, listener, handle);
    }
  }

  /** {@link #run} once the ablation folder's lock is held. */
  private Outcome runLocked(
      AblationPlan plan,
      List<Planned> runs,
      Path out,
      TrainingListener listener,
      RunHandle handle) {
    Map<Planned, Map<String, Object>> results = new IdentityHashMap<>();
    List<Planned> pending = new ArrayList<>();
    for (Planned p : runs) {
      Optional<Map<String, Object>> done =
          p.replace() ? Optional.empty() : completedResult(p.dir());
      if (done.isPresent()) {
        log.accept("skip   " + p.dir() + " (completed)");
        results.put(p, done.get());
      } else {
        pending.add(p);
      }
    }
    if (!pending.isEmpty()) {
      Optional<List<Map<String, Object>>> ran =
          executor.run(
              pending, new AblationExecutor.Context(runner, options, listener, handle, log));
      if (ran.isEmpty()) {
        return new Outcome(out, false, Optional.empty(), "");
      }
      if (ran.get().size() != pending.size()) {
        throw new IllegalStateException(
            "executor "
                + executor.name()
                + " returned "
                + ran.get().size()
                + " results for "
                + pending.size()
                + " runs");
      }
      for (int i = 0; i < pending.size(); i++) {
        results.put(pending.get(i), ran.get().get(i));
      }
    }
    List<AblationCell> cells = new ArrayList<>();
    for (AblationPlan.Cell cell : plan.cells()) {
      List<Long> seeds = new ArrayList<>();
      List<Map<String, Object>> cellResults = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      for (Planned p : runs) {
        if (p.cell() == cell) {
          seeds.add(p.seed());
          cellResults.add(results.get(p));
          dirs.add(p.dir());
        }
      }
      cells.add(new AblationCell(cell.name(), cell.overridesText(), seeds, cellResults, dirs));
    }
    try {
      Path report = AblationReport.write(out, cells, references(plan, runs));
      return new Outcome(
          out, true, Optional.of(report), Files.readString(out.resolve(RunFiles.SUMMARY_MD)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the ablation report in " + out, e);
    }
  }

  /** Refuses an {@code out} that is a run folder, a file or a run's remains (writes nothing). */
  static void requireAblationFolder(Path out) {
    Path dir = out.toAbsolutePath().normalize();
    FolderKind kind = FolderKind.of(dir);
    switch (kind) {
      case EMPTY, OTHER, ABLATION -> {
        // an ablation goes here
      }
      default ->
          throw new WrongFolderKindException(
              dir,
              kind,
              dir
                  + " is "
                  + kind.description()
                  + ", not an ablation folder; nothing was changed: choose another folder with --out"
                  + " DIR");
    }
  }

  /**
   * The one check that the runs already in the ablation folder (finished or interrupted) were
   * trained with the config planned now; a run with another config is refused, or with {@code
   * replace} marked to be trained again from scratch.
   *
   * @throws ConfigMismatchException naming the first run that differs and the first difference
   */
  private List<Planned> checkExisting(List<Planned> runs, boolean replace) {
    List<Planned> checked = new ArrayList<>();
    for (Planned p : runs) {
      FolderKind kind = FolderKind.of(p.dir());
      if (kind == FolderKind.RUN) {
        String now = runner.spec(p.config()).resolvedConfigJson();
        Optional<String> diff = RunFiles.configDifference(p.dir(), now);
        if (diff.isPresent()) {
          if (!replace) {
            throw new ConfigMismatchException(
                p.dir(),
                diff.get(),
                "cell "
                    + p.cell().name()
                    + ", seed "
                    + p.seed()
                    + " ("
                    + p.dir()
                    + ") was trained with another config than the one planned now: its "
                    + RunFiles.CONFIG
                    + " differs at "
                    + diff.get()
                    + " (saved vs now); nothing was changed: write the ablation into another"
                    + " folder with --out DIR, or train the differing runs again with"
                    + " --overwrite");
          }
          checked.add(p.replacing());
          continue;
        }
      }
      checked.add(p);
    }
    return checked;
  }

  /** Every cell's sizes against its data, before any run trains (data loaded once per config). */
  private void checkSizes(List<Planned> runs) {
    Set<String> checked = new HashSet<>();
    for (Planned p : runs) {
      if (completedResult(p.dir()).isPresent() && !p.replace()) {
        continue;
      }
      ExperimentConfig c = p.config();
      // the seed does not change a size: one check per config without it
      com.fasterxml.jackson.databind.JsonNode json = RunJson.parse(c.resolvedJson(), c.source());
      String key =
          json instanceof com.fasterxml.jackson.databind.node.ObjectNode o
              ? o.deepCopy().without("seed").toString()
              : json.toString();
      if (checked.add(key)) {
        try {
          TrainingRun.checkSizes(runner.spec(c));
        } catch (InvalidConfigException e) {
          throw new InvalidConfigException(
              e.field(), "in cell " + p.cell().name() + ", " + e.problem());
        }
      }
    }
  }

  /** Resolves every run's config (failing on the first bad one) and its folder. */
  public List<Planned> plan(AblationPlan plan, Path out, Overrides sets) {
    List<Planned> runs = new ArrayList<>();
    for (int ci = 0; ci < plan.cells().size(); ci++) {
      AblationPlan.Cell cell = plan.cells().get(ci);
      for (int si = 0; si < plan.seeds().size(); si++) {
        long seed = plan.seeds().get(si);
        Position at = new Position(ci + 1, plan.cells().size(), si + 1, plan.seeds().size());
        Overrides o =
            Overrides.of(cell.overrides())
                .then(sets)
                .then(Overrides.of(Map.of("seed", JsonNodeFactory.instance.numberNode(seed))));
        String source = plan.baseSource() + " [cell " + cell.name() + ", seed " + seed + "]";
        ExperimentConfig c =
            runner.setup().configLoader().resolve(plan.base(), source, cell.name(), o);
        runs.add(new Planned(cell, seed, c, out.resolve(cell.name()).resolve("seed-" + seed), at));
      }
    }
    return runs;
  }

  /**
   * The cells the report compares every cell with. The baseline: the file's {@code baseline}, else
   * the first cell named {@code baseline} or {@code none}, else the first cell. The control: the
   * file's {@code control}, else the first other cell named {@code random}, else the first other
   * cell whose curator is {@code random}, else none.
   */
  public static AblationReport.References references(AblationPlan plan, List<Planned> runs) {
    List<String> names = plan.cells().stream().map(AblationPlan.Cell::name).toList();
    AblationReport.References defaults = AblationReport.References.defaults(names);
    String baseline = plan.baseline().orElse(defaults.baseline());
    Optional<String> control =
        plan.control()
            .or(
                () ->
                    names.stream()
                        .filter(n -> n.equals("random") && !n.equals(baseline))
                        .findFirst())
            .or(
                () ->
                    runs.stream()
                        .filter(
                            p -> !p.cell().name().equals(baseline) && curator(p).equals("random"))
                        .map(p -> p.cell().name())
                        .findFirst());
    return new AblationReport.References(baseline, control);
  }

  private static String curator(Planned p) {
    return p.config().pluginKinds().contains(PluginKind.CURATOR)
        ? p.config().plugin(PluginKind.CURATOR).name()
        : "";
  }

  private static Optional<Map<String, Object>> completedResult(Path dir) {
    return RunFiles.completedResult(dir)
        .map(n -> RunJson.mapper().convertValue(n, new TypeReference<Map<String, Object>>() {}));
  }
}
