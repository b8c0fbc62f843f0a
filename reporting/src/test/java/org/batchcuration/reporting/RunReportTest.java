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

    assertThat(Pngs.alts(page))
        .containsExactly(
            "Training loss",
            "Learning rate",
            "kNN accuracy",
            "Throughput and step time",
            "Curated fraction",
            "Pair similarities",
            "Similarity histograms",
            "Alignment and uniformity",
            "Test embeddings");
    for (Pngs.Image image : Pngs.images(page)) {
      Pngs.assertDrawn(image.png(), image.alt());
    }
    assertThat(Pngs.externalReferences(page)).isEmpty();
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
        .contains(">[1e-04, 0.001]<")
        .doesNotContain("class=\"note\"");
    try (var files = Files.list(run.resolve("plots"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .allMatch(name -> name.endsWith(".png"))
          .hasSize(9);
    }
  }

  @Test
  void theKeyFiguresShowTheGainsOverRandomInitAndPixels() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    String page = Files.readString(RunReport.write(run));
    // linear 0.8123 - 0.3456 (random init) and - 0.78 (pixels); kNN 0.6789 - 0.2345 and - 0.75
    assertThat(page)
        .contains(
            "<div class=\"v\">0.8123</div><div class=\"k\">linear_top1</div>"
                + "<div class=\"d\">+0.4667 over random init, +0.0323 over pixels</div>")
        .contains(
            "<div class=\"v\">0.6789</div><div class=\"k\">knn_top1</div>"
                + "<div class=\"d\">+0.4444 over random init, -0.0711 over pixels</div>")
        .contains(
            "<tr><th>score</th><th>this run</th><th>random init</th><th>gain over random init</th>"
                + "<th>pixels</th><th>gain over pixels</th></tr>\n"
                + "<tr><td>linear probe top-1</td><td class=\"num\">0.8123</td>"
                + "<td class=\"num\">0.3456</td><td class=\"num\">+0.4667</td>"
                + "<td class=\"num\">0.7800</td><td class=\"num\">+0.0323</td></tr>");
  }

  @Test
  void withoutThePixelsRowOnlyTheRandomInitGainIsShown() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    Files.writeString(
        run.resolve("result.json"),
        "{\"linear_top1\":0.8123,\"knn_top1\":0.6789,\"random_init_linear_top1\":0.3456,"
            + "\"random_init_knn_top1\":0.2345,\"status\":\"completed\"}");
    String page = Files.readString(RunReport.write(run));
    assertThat(page)
        .contains("<div class=\"d\">+0.4667 over random init</div>")
        .contains("<th>gain over random init</th></tr>")
        .doesNotContain("over pixels");
  }

  @Test
  void aResultStillEvaluatedShowsAFinishedRun() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    Path result = run.resolve("result.json");
    Files.writeString(result, Files.readString(result).replace("\"completed\"", "\"evaluated\""));
    assertThat(Files.readString(RunReport.write(run)))
        .contains(
            "<div class=\"v\">finished</div><div class=\"k\">status</div>"
                + "<div class=\"d\">trained and evaluated</div>");
  }

  @Test
  void everyNumberOnThePageIsRounded() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    String page = Files.readString(RunReport.write(run));
    String text = page.replaceAll("data:image/png;base64,[A-Za-z0-9+/=]+", "");
    assertThat(text)
        .doesNotContain("0.8316666666666667")
        .contains("<td>linear_held_out_top1</td><td class=\"num\">0.8317</td>")
        .contains("<td>optimizer.lr</td><td class=\"num\">4.34783e-05</td>");
    assertThat(java.util.regex.Pattern.compile("[0-9]\\.[0-9]{7,}").matcher(text).find())
        .as("a number with 7 or more decimals")
        .isFalse();
  }

  @Test
  void theProvenanceSectionNamesCommitVersionsEngineAndDevice() throws IOException {
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    String page = Files.readString(RunReport.write(run));
    assertThat(page)
        .contains("<h2>Provenance</h2>")
        .contains("<td>framework</td><td>org.batchcuration:training 0.1.0</td>")
        .contains("<td>git commit</td><td>6460345ca0576fb23ca60bad7c1fc80290574dff</td>")
        .contains("<td>engine</td><td>MXNet 1.9.0</td>")
        .contains("<td>device</td><td>cpu()</td>")
        .contains("<td>JDK</td><td>17.0.15 Debian</td>")
        .contains("<td>CPU</td><td>AMD EPYC, 2 processors</td>")
        .contains("<td>started</td><td>2026-12-08T03:40:14Z</td>")
        .contains(
            "<td>curator batch-curation</td><td>org.batchcuration:curation-strategies 0.1.0</td>");
    Files.delete(run.resolve("provenance.json"));
    assertThat(Files.readString(RunReport.write(run))).contains("provenance.json is missing.");
  }

  @Test
  void theThroughputSectionHasTheMediansOfTheStepSplit() throws IOException {
    Path run = Files.createDirectories(tmp.resolve("split"));
    Files.write(
        run.resolve("metrics.jsonl"),
        List.of(
            "{\"kind\":\"step\",\"epoch\":0,\"step\":0,\"loss\":5,\"images_per_s\":100,"
                + "\"forward_backward_ms\":200,\"host_ms\":50,\"update_ms\":10}",
            "{\"kind\":\"step\",\"epoch\":0,\"step\":1,\"loss\":4,\"images_per_s\":300,"
                + "\"forward_backward_ms\":100,\"host_ms\":20.5,\"update_ms\":8}",
            "{\"kind\":\"step\",\"epoch\":0,\"step\":2,\"loss\":3,\"images_per_s\":250,"
                + "\"forward_backward_ms\":120,\"host_ms\":30,\"update_ms\":9.125}"));
    String page = Files.readString(RunReport.write(run));
    assertThat(Pngs.alts(page)).contains("Throughput and step time");
    assertThat(page)
        .contains(
            "<tr><th>median over logged steps</th><th>forward + backward (ms)</th>"
                + "<th>host (ms)</th><th>update (ms)</th><th>images/s</th></tr>\n"
                + "<tr><td>3 steps</td><td class=\"num\">120</td><td class=\"num\">30</td>"
                + "<td class=\"num\">9.1250</td><td class=\"num\">250</td></tr>");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertThat(RunReport.median(new double[][] {{0, 3}, {1, 1}, {2, 2}})).isEqualTo(2);
    assertThat(RunReport.median(new double[][] {{0, 4}, {1, 1}, {2, 2}, {3, 10}})).isEqualTo(3);
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
    assertThat(Pngs.alts(page)).containsExactly("Training loss", "Learning rate");
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
