package org.batchcuration.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.ablation.AblationPlan;
import org.batchcuration.runner.ablation.AblationRunner;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.runner.cli.Main;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.training.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ablate --executor spark --master local[2]} against the local executor, with real tiny
 * training runs (4 per ablation).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkAblationRunsTest {
  @TempDir static Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();
  private final List<String> log = new ArrayList<>();
  private Path localOut;
  private Map<String, List<Double>> local;

  @BeforeAll
  void runLocally() throws Exception {
    Path file = TinyAblation.write(dir.resolve("local"), "");
    localOut = dir.resolve("local/out");
    AblationRunner.Outcome o =
        new AblationRunner(new ExperimentRunner(setup), log::add)
            .run(
                AblationPlan.load(file),
                localOut,
                Overrides.none(),
                TrainingListener.NONE,
                new RunHandle());
    assertThat(o.completed()).isTrue();
    local = figures(localOut);
    assertThat(local).hasSize(4);
  }

  @Test
  void sparkGivesTheSameSummaryAsTheLocalExecutorAndSkipsCompletedRunsOnRestart() throws Exception {
    Path file = TinyAblation.write(dir.resolve("spark"), "");
    Path out = dir.resolve("spark/out");
    Cli r = sparkAblate(file, out.toString());

    assertThat(r.code).as(r.err).isZero();
    assertThat(r.err)
        .contains("spark  master local[2,4], 4 tasks, spark.task.maxFailures=4")
        .contains("trained " + out.resolve("none/seed-3") + " (attempt 0, executor driver)")
        .contains("trained " + out.resolve("random/seed-4") + " (attempt 0, executor driver)");
    assertThat(figures(out)).isEqualTo(local);
    assertThat(Files.readString(out.resolve("summary.md")))
        .isEqualTo(Files.readString(localOut.resolve("summary.md")));
    assertThat(r.out).startsWith(Files.readString(out.resolve("summary.md")));
    assertThat(out.resolve("report.html")).exists();
    // the run's metrics sinks come from the injector, as in a local run: the built-in metrics.csv
    Path csv = out.resolve("none/seed-3/metrics.csv");
    assertThat(csv).exists();
    assertThat(Files.readAllLines(csv))
        .hasSameSizeAs(Files.readAllLines(localOut.resolve("none/seed-3/metrics.csv")))
        .first()
        .isEqualTo(Files.readAllLines(localOut.resolve("none/seed-3/metrics.csv")).get(0));

    Cli again = sparkAblate(file, out.toString());
    assertThat(again.code).as(again.err).isZero();
    assertThat(again.err)
        .contains("skip   " + out.resolve("none/seed-3") + " (completed)")
        .contains("skip   " + out.resolve("random/seed-4") + " (completed)")
        .doesNotContain("spark  master");
  }

  @Test
  void aTaskThatFailsMidRunIsRetriedAndResumesItsRunFolder() throws Exception {
    Path file = TinyAblation.write(dir.resolve("fault"), "\"executor\": \"spark\"");
    Path out = dir.resolve("fault/out");
    System.setProperty(FaultInjection.PROPERTY, "random/seed-4@1");
    Cli r;
    try {
      r =
          Cli.run(
              setup, "ablate", file.toString(), "--master", "local[2]", "--out", out.toString());
    } finally {
      System.clearProperty(FaultInjection.PROPERTY);
    }

    assertThat(r.code).as(r.err).isZero();
    assertThat(r.err)
        .contains("resumed " + out.resolve("random/seed-4") + " (attempt 1, executor driver)")
        .contains("trained " + out.resolve("random/seed-3") + " (attempt 0, executor driver)");
    assertThat(figures(out)).isEqualTo(local);
    assertThat(Files.readString(out.resolve("summary.md")))
        .isEqualTo(Files.readString(localOut.resolve("summary.md")));
  }

  @Test
  void runFoldersInAHadoopStoreSurviveARetryOnAnotherScratchFolderAndARestartWithoutThem()
      throws Exception {
    Path file = TinyAblation.write(dir.resolve("store"), "");
    Path out = dir.resolve("store/out");
    Path store = dir.resolve("store/hadoop");
    String uri = "file://" + store.toAbsolutePath();
    System.setProperty(FaultInjection.PROPERTY, "random/seed-4@1");
    Cli r;
    try {
      r = sparkAblate(file, out.toString(), "--store", uri);
    } finally {
      System.clearProperty(FaultInjection.PROPERTY);
    }

    assertThat(r.code).as(r.err).isZero();
    // attempt 1 trained in a fresh scratch folder: "resumed" means it found attempt 0's
    // checkpoint in the store, and the figures show it continued to the same result
    assertThat(r.err)
        .contains("spark  run store " + uri)
        .contains("resumed " + out.resolve("random/seed-4") + " (attempt 1, executor driver)")
        .contains("trained " + out.resolve("none/seed-3") + " (attempt 0, executor driver)");
    assertThat(figures(out)).isEqualTo(local);
    assertThat(Files.readString(out.resolve("summary.md")))
        .isEqualTo(Files.readString(localOut.resolve("summary.md")));
    for (String run : List.of("none/seed-3", "none/seed-4", "random/seed-3", "random/seed-4")) {
      assertThat(store.resolve(run).resolve("result.json")).isRegularFile();
      assertThat(store.resolve(run).resolve("checkpoints/latest")).isRegularFile();
      assertThat(store.resolve(run).resolve("metrics.jsonl")).isRegularFile();
      assertThat(out.resolve(run).resolve("metrics.jsonl")).isRegularFile();
      assertThat(out.resolve(run).resolve("checkpoints")).doesNotExist();
    }
    try (var files = Files.walk(store)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith(RunStore.UPLOADING));
    }

    // a restart that lost the local ablation folder takes every run from the store
    deleteTree(out);
    Cli again = sparkAblate(file, out.toString(), "--store", uri);
    assertThat(again.code).as(again.err).isZero();
    assertThat(again.err)
        .contains("skipped " + out.resolve("none/seed-3") + " (attempt 0, executor driver)")
        .contains("skipped " + out.resolve("random/seed-4") + " (attempt 0, executor driver)")
        .doesNotContain("trained ")
        .doesNotContain("resumed ");
    assertThat(Files.readString(out.resolve("summary.md")))
        .isEqualTo(Files.readString(localOut.resolve("summary.md")));
  }

  @Test
  void aStoreThatIsNotAnAbsoluteUriOrNeedsAnotherExecutorIsBadInput() throws Exception {
    Path file = TinyAblation.write(dir.resolve("badstore"), "");
    Cli relative = sparkAblate(file, dir.resolve("badstore/out").toString(), "--store", "runs/x");
    assertThat(relative.code).isEqualTo(2);
    assertThat(relative.err)
        .startsWith(
            "error: executor spark: store: must be an absolute URI with a scheme"
                + " (hdfs://namenode/path, s3a://bucket/path, file:///path), was runs/x");
    Cli unknown =
        sparkAblate(file, dir.resolve("badstore/out").toString(), "--store", "nosuchfs://host/x");
    assertThat(unknown.code).isEqualTo(2);
    assertThat(unknown.err)
        .startsWith(
            "error: executor spark: store: cannot open the run store nosuchfs://host/x: No"
                + " FileSystem for scheme \"nosuchfs\"");
    assertThat(dir.resolve("badstore/out/none")).doesNotExist();
    Cli local =
        Cli.run(
            setup,
            "ablate",
            file.toString(),
            "--store",
            "file:///tmp/x",
            "--out",
            dir.resolve("badstore/out").toString());
    assertThat(local.code).isEqualTo(2);
    assertThat(local.err).contains("--store needs --executor spark (executor: local)");
  }

  private static void deleteTree(Path p) throws java.io.IOException {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  @Test
  void anExecutorTheClassPathDoesNotHaveIsNamedWithTheKnownOnes() throws Exception {
    Path file = TinyAblation.write(dir.resolve("unknown"), "\"executor\": \"slurm\"");
    Cli r = Cli.run(setup, "ablate", file.toString(), "--out", dir.resolve("x").toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err)
        .startsWith(
            "error: abl.json: $.executor: unknown executor \"slurm\"; known: [local, spark]");
  }

  @Test
  void executorsThatSeeOtherPluginsFailTheCheckBeforeAnyRun() {
    List<String> driver = new ArrayList<>(PluginListing.of(setup.registry()));
    assertThat(driver).anyMatch(l -> l.startsWith("curator none "));
    try (JavaSparkContext sc =
        new JavaSparkContext(SparkSettings.defaults().withMaster("local[2]").toConf())) {
      PluginCheck.verify(sc, driver);
      driver.add("curator extra com.example.Extra extra-plugin 1.0");
      assertThatThrownBy(() -> PluginCheck.verify(sc, driver))
          .isInstanceOf(PluginCheck.PluginMismatchException.class)
          .hasMessage(
              "executor driver sees other plugins than the driver (ship plugin jars with --jars"
                  + " or in the application jar):\n"
                  + "  only on the driver:   curator extra com.example.Extra extra-plugin 1.0");
    }
  }

  /** {@code ablate FILE --executor spark --master local[2] --out OUT EXTRA...} through the CLI. */
  private Cli sparkAblate(Path file, Object out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "ablate",
                file.toString(),
                "--executor",
                "spark",
                "--master",
                "local[2]",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return Cli.run(setup, args.toArray(String[]::new));
  }

  /** linear_top1 and knn_top1 of every run under {@code out}, by {@code cell/seed-s}. */
  static Map<String, List<Double>> figures(Path out) throws Exception {
    Map<String, List<Double>> m = new LinkedHashMap<>();
    for (String cell : List.of("none", "random")) {
      for (String seed : List.of("seed-3", "seed-4")) {
        Path f = out.resolve(cell).resolve(seed).resolve("result.json");
        if (Files.exists(f)) {
          JsonNode n = Json.parse(Files.readString(f), f.toString());
          assertThat(n.get("status").textValue()).isEqualTo("completed");
          m.put(
              cell + "/" + seed,
              List.of(n.get("linear_top1").doubleValue(), n.get("knn_top1").doubleValue()));
        }
      }
    }
    return m;
  }

  /** One CLI invocation's exit code and output. */
  record Cli(int code, String out, String err) {
    static Cli run(RunnerSetup setup, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = new Main(new PrintWriter(out), new PrintWriter(err), setup).run(args);
      return new Cli(code, out.toString(), err.toString());
    }
  }
}
