package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** train, eval, embed and ablate through the CLI, on a tiny synthetic dataset (real training). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunCommandsTest {
  static final String TINY =
      """
      {
        "seed": 1,
        "device": "cpu",
        "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4,
                 "trainCount": 96, "testCount": 48},
        "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                    "grayscaleProbability": 0.0},
        "encoder": {"type": "small-cnn", "widths": [8, 16]},
        "head": {"hiddenDim": 16, "outputDim": 8},
        "curator": {"type": "none"},
        "schedule": {"warmupEpochs": 0},
        "train": {"epochs": 1, "batchSize": 32, "threads": 1, "prefetch": 1},
        "eval": {"knnK": 5, "monitorEvery": 0, "probeL2": [0.001], "probeIterations": 10,
                 "randomInitBaseline": false}
      }
      """;

  @TempDir static Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();
  private Path config;
  private Path run;
  private CliHarness trained;

  @BeforeAll
  void trainOnce() throws Exception {
    config = dir.resolve("tiny.json");
    Files.writeString(config, TINY);
    run = dir.resolve("run");
    trained = CliHarness.run(setup, "train", config.toString(), "--out", run.toString());
  }

  @Test
  void trainWritesARunFolderAndPrintsTheResults() throws Exception {
    assertThat(trained.code).as(trained.err()).isZero();
    assertThat(trained.out())
        .containsPattern("(?m)^linear_top1 +0\\.\\d{4}$")
        .containsPattern("(?m)^status +completed$")
        .contains("report: " + run.resolve("report.html").toAbsolutePath());
    JsonNode result = Json.parse(Files.readString(run.resolve("result.json")), "result.json");
    assertThat(result.get("status").textValue()).isEqualTo("completed");
    JsonNode resolved =
        Json.parse(Files.readString(run.resolve("config.resolved.json")), "resolved");
    assertThat(resolved.at("/train/epochs").intValue()).isEqualTo(1);
    assertThat(resolved.at("/optimizer/type").textValue()).isEqualTo("adam");
  }

  @Test
  void aFolderHoldingARunIsNotOverwritten() {
    CliHarness r = CliHarness.run(setup, "train", config.toString(), "--out", run.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: " + run + " already holds a run")
        .doesNotContain("\tat ");
  }

  @Test
  void resumingAFolderWithoutARunIsBadInput() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    CliHarness r = CliHarness.run(setup, "train", "--resume", empty.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: No run to resume in "
                + empty.toAbsolutePath()
                + " (config.resolved.json is missing)\n(run with --verbose for details)\n");
  }

  @Test
  void anUnwritableOutputFolderIsBadInput() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Path out = file.resolve("run");
    CliHarness r = CliHarness.run(setup, "train", config.toString(), "--out", out.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: Cannot write to the output folder " + out.toAbsolutePath() + ": ");
  }

  @Test
  void evalAndEmbedReadTheRunFolder() throws Exception {
    CliHarness e = CliHarness.run(setup, "eval", "--run", run.toString());
    assertThat(e.code).as(e.err()).isZero();
    assertThat(e.out()).containsPattern("(?m)^knn_top1 +0\\.\\d{4}$");
    Path npy = dir.resolve("emb.npy");
    CliHarness m = CliHarness.run(setup, "embed", "--run", run.toString(), "--out", npy.toString());
    assertThat(m.code).as(m.err()).isZero();
    byte[] header = Files.readAllBytes(npy);
    assertThat(new String(header, 1, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("NUMPY");
    assertThat(new String(header, java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("'shape': (48, 16)");
    CliHarness none = CliHarness.run(setup, "eval", "--run", dir.resolve("nope").toString());
    assertThat(none.code).isEqualTo(2);
    assertThat(none.err()).startsWith("error: No run in ");
  }

  @Test
  void ablationRunsEachCellAndSkipsCompletedRunsOnRestart() throws Exception {
    Path ablation = dir.resolve("abl.json");
    Files.writeString(
        ablation,
        "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\", \"set\": {}},"
            + " {\"name\": \"random\", \"set\": {\"curator\": {\"type\": \"random\","
            + " \"fraction\": 0.25, \"warmupEpochs\": 0}}}], \"seeds\": [3]}");
    Path out = dir.resolve("abl");
    CliHarness r = CliHarness.run(setup, "ablate", ablation.toString(), "--out", out.toString());
    assertThat(r.code).as(r.err()).isZero();
    assertThat(out.resolve("none/seed-3/result.json")).exists();
    assertThat(out.resolve("random/seed-3/result.json")).exists();
    assertThat(out.resolve("summary.csv")).exists();
    assertThat(out.resolve("report.html")).exists();
    assertThat(r.out()).startsWith(Files.readString(out.resolve("summary.md")));
    assertThat(
            Json.parse(Files.readString(out.resolve("random/seed-3/config.resolved.json")), "c")
                .get("seed")
                .intValue())
        .isEqualTo(3);
    CliHarness again =
        CliHarness.run(setup, "ablate", ablation.toString(), "--out", out.toString());
    assertThat(again.code).as(again.err()).isZero();
    assertThat(again.err()).contains("skip   " + out.resolve("none/seed-3"));
    assertThat(again.err()).contains("skip   " + out.resolve("random/seed-3"));
  }

  @Test
  void ablateSeedsOverridesTheSeedCountAndTheSummaryPairsWithTheNamedControl() throws Exception {
    Path ablation = dir.resolve("seeds.json");
    Files.writeString(
        ablation,
        "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\", \"set\": {}},"
            + " {\"name\": \"cool\", \"set\": {\"loss\": {\"temperature\": 0.2}}}],"
            + " \"seeds\": [3], \"control\": \"cool\"}");
    Path out = dir.resolve("seeds");
    CliHarness r =
        CliHarness.run(
            setup, "ablate", ablation.toString(), "--out", out.toString(), "--seeds", "2");
    assertThat(r.code).as(r.err()).isZero();
    // the file's seed 3, then the next integer
    for (String run : new String[] {"none/seed-3", "none/seed-4", "cool/seed-3", "cool/seed-4"}) {
      assertThat(out.resolve(run).resolve("result.json")).exists();
    }
    assertThat(out.resolve("none/seed-5")).doesNotExist();
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md)
        .startsWith("# Ablation summary\n\nBaseline cell: `none`; control cell: `cool`. ")
        .contains("| none | baseline | 2 | (defaults) |")
        .contains("| cell | n | mean ± std | Δ vs `none` [95% CI] | Δ vs `cool` [95% CI] |")
        .containsPattern(
            "\\| cool \\| 2 \\| 0\\.\\d{4} ± 0\\.\\d{4} \\| [-+]0\\.\\d{4} \\[.*\\] \\(n=2\\) \\| — \\|");
    assertThat(out.resolve("plots/linear_top1.png")).isNotEmptyFile();
  }

  @Test
  void aSeedCountBelowOneOrAnUnknownControlIsBadInputAndRunsNothing() throws Exception {
    Path ablation = dir.resolve("bad-seeds.json");
    Files.writeString(ablation, "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\"}]}");
    Path out = dir.resolve("bad-seeds");
    CliHarness r =
        CliHarness.run(
            setup, "ablate", ablation.toString(), "--out", out.toString(), "--seeds", "0");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err()).startsWith("--seeds must be at least 1, got 0\nUsage: curation ablate ");
    assertThat(out).doesNotExist();
    Files.writeString(
        ablation,
        "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\"}], \"control\": \"random\"}");
    CliHarness c = CliHarness.run(setup, "ablate", ablation.toString(), "--out", out.toString());
    assertThat(c.code).isEqualTo(2);
    assertThat(c.err())
        .startsWith("error: bad-seeds.json: $.control: unknown cell \"random\"; cells: [none]\n");
    assertThat(out).doesNotExist();
  }
}
