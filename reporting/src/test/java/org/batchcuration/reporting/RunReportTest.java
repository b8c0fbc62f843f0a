package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.api.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {
  @TempDir Path tmp;

  @Test
  void completeRunFolderGivesEveryChartAndTheKeyFigures() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run-1"), 0.8123, 1.0);
    Path html = RunReport.write(run);
    assertThat(html).isEqualTo(run.resolve("report.html"));
    String page = Files.readString(html);

    List<String> images = Pngs.imageSources(page);
    assertThat(images)
        .containsExactly(
            "plots/loss.png",
            "plots/learning_rate.png",
            "plots/knn_top1.png",
            "plots/curated_fraction.png",
            "plots/similarity_quantiles.png",
            "plots/similarity_histogram.png",
            "plots/alignment_uniformity.png",
            "plots/projection2d.png");
    for (String src : images) {
      Pngs.assertDrawn(run.resolve(src));
    }
    assertThat(page)
        .contains("0.8123") // linear_top1
        .contains("0.6789") // knn_top1
        .contains("0.3456") // random_init_linear_top1
        .contains("0.2345") // random_init_knn_top1
        .contains(">62.5 s<") // train_seconds
        .contains(">batch-curation<") // curator type from the config
        .contains(">completed<")
        .contains("curator.warmupEpochs") // resolved config table
        .contains("eval.probeL2")
        .contains("[1.0E-4,0.001]")
        .doesNotContain("class=\"note\"");
    try (var files = Files.list(run.resolve("plots"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.endsWith(".png"))
          .hasSize(8);
    }
  }

  @Test
  void missingOptionalInputsLeaveChartsOutWithANote() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("bare"));
    Files.createDirectories(run.resolve("plots"));
    Files.writeString(run.resolve("plots/knn_top1.png"), "stale");
    Files.write(
        run.resolve("metrics.jsonl"),
        List.of(
            "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":5.1,\"lr\":0.001}",
            "{\"kind\":\"step\",\"epoch\":0,\"step\":10,\"loss\":4.2,\"lr\":0.001}",
            "{\"kind\":\"epoch\",\"epoch\":0,\"step\":20,\"loss_mean\":4.5}",
            "{\"kind\":\"histogram\",\"epoch\":0,\"step\":0,\"edges\":[-1,1],\"positive\":[]}"));
    String page = Files.readString(RunReport.write(run));
    assertThat(Pngs.imageSources(page))
        .containsExactly("plots/loss.png", "plots/learning_rate.png");
    assertThat(page)
        .contains("Not drawn: no kNN monitor in this run (epoch lines without knn_top1).")
        .contains("Not drawn: no histogram lines in metrics.jsonl.")
        .contains("Not drawn: projection2d.json is missing or empty.")
        .contains("result.json is missing")
        .contains("config.resolved.json is missing.");
    assertThat(run.resolve("plots/knn_top1.png")).doesNotExist();
  }

  @Test
  void emptyFolderStillGivesAPage() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("empty"));
    String page = Files.readString(RunReport.write(run));
    assertThat(Pngs.imageSources(page)).isEmpty();
    assertThat(page).contains("Not drawn: no step lines with a loss in metrics.jsonl.");
  }

  @Test
  void anUnfinishedLastLineIsIgnoredButABadLineInTheMiddleIsAnError() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("cut"));
    Path metrics = run.resolve("metrics.jsonl");
    Files.writeString(
        metrics,
        "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":5.1}\n"
            + "{\"kind\":\"step\",\"epoch\":0,\"step\":1,\"loss\":5.0}\n"
            + "{\"kind\":\"step\",\"ep");
    assertThat(MetricsLog.read(metrics).steps()).hasSize(2);
    Files.writeString(
        metrics,
        "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":5.1}\n"
            + "{\"kind\":\"step\",\n"
            + "{\"kind\":\"step\",\"epoch\":0,\"step\":1,\"loss\":5.0}\n");
    assertThatThrownBy(() -> RunReport.write(run))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(metrics + ": line 2: not a JSON object: ");
  }

  @Test
  void malformedResultJsonNamesTheFile() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("badresult"));
    Files.writeString(run.resolve("result.json"), "{\"linear_top1\": 0.5,");
    assertThatThrownBy(() -> RunReport.write(run))
        .isInstanceOf(DataException.class)
        .hasMessageStartingWith(run.resolve("result.json") + ": line 1, column ");
  }

  @Test
  void aMissingFolderIsABadInput() {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(() -> RunReport.write(missing))
        .isInstanceOf(DataException.class)
        .hasMessage(missing + ": not a run folder (no such directory)");
  }

  @Test
  void movingAverageIsTheTrailingMean() {
    double[][] avg = RunReport.movingAverage(new double[][] {{0, 1}, {1, 3}, {2, 5}, {3, 7}}, 2);
    assertThat(avg[0]).containsExactly(0, 1);
    assertThat(avg[1]).containsExactly(1, 2);
    assertThat(avg[2]).containsExactly(2, 4);
    assertThat(avg[3]).containsExactly(3, 6);
  }
}
