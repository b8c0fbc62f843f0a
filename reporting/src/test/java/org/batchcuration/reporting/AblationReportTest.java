package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblationReportTest {
  @TempDir Path tmp;

  private static Map<String, Object> result(double linear, double knn, double curated) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("linear_top1", linear);
    r.put("knn_top1", knn);
    r.put("curation", Map.of("curated_fraction_mean", curated));
    r.put("status", "completed");
    return r;
  }

  private List<AblationCell> cells() throws IOException {
    return cells(false);
  }

  /** Three cells; with {@code runs}, fake run folders (and one run report) back the first two. */
  private List<AblationCell> cells(boolean runs) throws IOException {
    List<Path> a = List.of();
    List<Path> b = List.of();
    if (runs) {
      a =
          List.of(
              FakeRun.complete(tmp.resolve("runs/random/seed-1"), 0.70, 1.1),
              FakeRun.complete(tmp.resolve("runs/random/seed-2"), 0.72, 1.1));
      b = List.of(FakeRun.complete(tmp.resolve("runs/none/seed-1"), 0.60, 1.0));
      RunReport.write(b.get(0));
    }
    return List.of(
        new AblationCell(
            "random",
            Map.of("curator.type", "random"),
            List.of(result(0.70, 0.60, 0.2), result(0.72, 0.64, 0.1)),
            a),
        new AblationCell(
            "none",
            Map.of("curator.type", "none"),
            List.of(result(0.60, 0.50, 0.0), result(0.64, 0.50, 0.0), result(0.62, 0.56, 0.0)),
            b),
        new AblationCell("no-runs", Map.of(), List.of(Map.of("linear_top1", 0.5)), List.of()));
  }

  @Test
  void seedStatisticsAreMeanAndSampleStd() throws IOException {
    AblationCell none = cells().get(1);
    SeedStats s = SeedStats.of(none, SeedStats.Metric.LINEAR_TOP1);
    assertThat(s.n()).isEqualTo(3);
    assertThat(s.mean()).isCloseTo(0.62, within(1e-12));
    assertThat(s.std()).isCloseTo(0.02, within(1e-12)); // sqrt((0.0004 + 0.0004 + 0) / 2)
    SeedStats single = SeedStats.of(cells().get(2), SeedStats.Metric.LINEAR_TOP1);
    assertThat(single.n()).isEqualTo(1);
    assertThat(single.std()).isNaN();
    assertThat(SeedStats.of(cells().get(2), SeedStats.Metric.KNN_TOP1).defined()).isFalse();
  }

  @Test
  void summaryMarkdownUsesTheCellNamedNoneAsBaseline() throws IOException {
    String md = AblationReport.summaryMarkdown(cells());
    assertThat(md)
        .contains("baseline cell `none`")
        // random: linear 0.71 ± 0.0141, Δ +0.09; knn 0.62 ± 0.0283, Δ +0.10; curated 0.15 ± 0.0707
        .contains(
            "| random | curator.type=random | 2 | 0.7100 ± 0.0141 | +0.0900 | 0.6200 ± 0.0283"
                + " | +0.1000 | 0.1500 ± 0.0707 | +0.1500 |")
        .contains(
            "| none | curator.type=none | 3 | 0.6200 ± 0.0200 | +0.0000 | 0.5200 ± 0.0346"
                + " | +0.0000 | 0.0000 ± 0.0000 | +0.0000 |")
        .contains("| no-runs | (defaults) | 1 | 0.5000 | -0.1200 | n/a | n/a | n/a | n/a |");
  }

  @Test
  void writesCsvMarkdownAndAComparisonPage() throws IOException {
    Path dir = tmp.resolve("ablation");
    List<AblationCell> cells = cells(true);
    Path html = AblationReport.write(dir, cells);
    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "cell,overrides,seeds,linear_top1_mean,linear_top1_std,linear_top1_n,linear_top1_delta,"
                + "knn_top1_mean,knn_top1_std,knn_top1_n,knn_top1_delta,curated_fraction_mean,"
                + "curated_fraction_std,curated_fraction_n,curated_fraction_delta,baseline");
    assertThat(csv.get(1))
        .isEqualTo(
            "random,curator.type=random,2,0.710000,0.014142,2,0.090000,0.620000,0.028284,2,"
                + "0.100000,0.150000,0.070711,2,0.150000,false");
    assertThat(csv.get(2)).endsWith(",true");
    assertThat(csv.get(3)).isEqualTo("no-runs,(defaults),1,0.500000,,1,-0.120000,,,0,,,,0,,false");
    assertThat(Files.readString(dir.resolve("summary.md")))
        .isEqualTo(AblationReport.summaryMarkdown(cells));

    String page = Files.readString(html);
    assertThat(Pngs.imageSources(page))
        .containsExactly(
            "plots/linear_top1.png",
            "plots/knn_top1.png",
            "plots/curated_fraction.png",
            "plots/loss.png");
    for (String src : Pngs.imageSources(page)) {
      Pngs.assertDrawn(dir.resolve(src));
    }
    assertThat(page).contains("0.7100 ± 0.0141").contains("../runs/none/seed-1/report.html");
  }

  @Test
  void firstCellIsTheBaselineWithoutANamedOne() {
    List<AblationCell> cells =
        List.of(
            new AblationCell("a", Map.of("x", "1"), List.of(Map.of("linear_top1", 0.5)), List.of()),
            new AblationCell(
                "b", Map.of("x", "2"), List.of(Map.of("linear_top1", 0.75)), List.of()));
    assertThat(AblationReport.baseline(cells).name()).isEqualTo("a");
    assertThat(AblationReport.summaryMarkdown(cells))
        .contains("| b | x=2 | 1 | 0.7500 | +0.2500 |");
  }

  @Test
  void badCellsAreRefused() {
    assertThatThrownBy(() -> AblationReport.summaryMarkdown(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cells must not be empty");
    assertThatThrownBy(() -> new AblationCell(" ", Map.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
  }
}
