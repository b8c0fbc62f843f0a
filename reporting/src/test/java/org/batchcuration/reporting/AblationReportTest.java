package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.reporting.AblationReport.References;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AblationReportTest {
  private static final List<Long> FIVE = List.of(0L, 1L, 2L, 3L, 4L);

  @TempDir Path tmp;

  private static Map<String, Object> result(double linear, double curated) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("linear_top1", linear);
    r.put("knn_top1", linear - 0.1);
    r.put("curation", Map.of("curated_fraction_mean", curated));
    r.put("status", "completed");
    return r;
  }

  private static Map<String, Object> corruption(
      Map<String, Object> r, Double auroc, Double precision, Double recall) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("fraction", 0.2);
    c.put("mode", "swap");
    c.put("auroc", auroc); // JSON null for curators that publish no score
    c.put("precision", precision);
    c.put("recall", recall);
    r.put("corruption", c);
    return r;
  }

  private static List<Map<String, Object>> results(double[] linear, double curated) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (double v : linear) {
      out.add(result(v, curated));
    }
    return out;
  }

  /**
   * none (baseline, with random-init results), random (control), drop and gappy (seeds 0, 1, 2 and
   * 7; no kNN on seed 1). Per seed, random − none = {0.01, 0.03, -0.01, 0.02, 0.00} and drop − none
   * = {0.02, 0.03, 0.01, 0.02, 0.02}.
   */
  private static List<AblationCell> cells(List<Path> noneRuns, List<Path> randomRuns) {
    List<Map<String, Object>> none = results(new double[] {0.80, 0.81, 0.79, 0.80, 0.82}, 0);
    double[] randomInit = {0.30, 0.32, 0.29, 0.31, 0.30};
    for (int i = 0; i < none.size(); i++) {
      none.get(i).put("random_init_linear_top1", randomInit[i]);
      none.get(i).put("random_init_knn_top1", randomInit[i] - 0.1);
      corruption(none.get(i), null, null, 0.0);
    }
    List<Map<String, Object>> random = results(new double[] {0.81, 0.84, 0.78, 0.82, 0.82}, 0.25);
    random.forEach(r -> corruption(r, null, 0.2, 0.25));
    List<Map<String, Object>> drop = results(new double[] {0.82, 0.84, 0.80, 0.82, 0.84}, 0.25);
    double[] auroc = {0.90, 0.95, 0.92, 0.93, 0.90};
    for (int i = 0; i < drop.size(); i++) {
      corruption(drop.get(i), auroc[i], 0.7, 0.875);
    }
    List<Map<String, Object>> gappy = results(new double[] {0.85, 0.80, 0.81, 0.50}, 0);
    gappy.get(1).put("knn_top1", null);
    return List.of(
        new AblationCell("none", Map.of("curator.type", "none"), FIVE, none, noneRuns),
        new AblationCell("random", Map.of("curator.type", "random"), FIVE, random, randomRuns),
        new AblationCell("drop", Map.of("curator.type", "batch-curation"), FIVE, drop, List.of()),
        new AblationCell("gappy", Map.of(), List.of(0L, 1L, 2L, 7L), gappy, List.of()));
  }

  private static List<AblationCell> cells() {
    return cells(List.of(), List.of());
  }

  @Test
  void seedStatisticsAreMeanAndSampleStdOverTheSeedsThatReportTheMetric() {
    SeedStats s = SeedStats.of(cells().get(0), SeedStats.Metric.LINEAR_TOP1);
    assertThat(s.n()).isEqualTo(5);
    assertThat(s.mean()).isCloseTo(0.804, within(1e-12));
    assertThat(s.std()).isCloseTo(Math.sqrt(0.00052 / 4), within(1e-12));
    SeedStats gappyKnn = SeedStats.of(cells().get(3), SeedStats.Metric.KNN_TOP1);
    assertThat(gappyKnn.n()).isEqualTo(3); // seed 1's null is left out
    assertThat(SeedStats.of(cells().get(0), SeedStats.Metric.CORRUPTION_AUROC).defined()).isFalse();
    assertThat(SeedStats.of(cells().get(2), SeedStats.Metric.CORRUPTION_AUROC).mean())
        .isCloseTo(0.92, within(1e-12));
    assertThat(SeedStats.Metric.CORRUPTION_RECALL.values(cells().get(0)))
        .containsExactly(
            Map.entry(0L, 0.0),
            Map.entry(1L, 0.0),
            Map.entry(2L, 0.0),
            Map.entry(3L, 0.0),
            Map.entry(4L, 0.0));
  }

  @Test
  void markdownGivesPairedDifferencesToBaselineAndControl() {
    String md = AblationReport.summaryMarkdown(cells());
    assertThat(md)
        .startsWith("# Ablation summary\n\nBaseline cell: `none`; control cell: `random`. ")
        .contains(
            """
            ## Cells

            | cell | role | seeds | overrides |
            |---|---|---:|---|
            | none | baseline | 5 | curator.type=none |
            | random | control | 5 | curator.type=random |
            | drop |  | 5 | curator.type=batch-curation |
            | gappy |  | 4 | (defaults) |
            | random-init | random-init | 5 | randomly initialised encoders of cell none |
            """)
        // random − none: the hand-computed example, mean 0.01, CI [-0.009633, 0.029633];
        // drop − none: mean 0.02, CI [0.011220, 0.028780], excludes 0;
        // gappy: seeds 0-2 are paired, seed 7 is left out
        .contains(
            """
            ## linear top-1

            | cell | n | mean ± std | Δ vs `none` [95% CI] | Δ vs `random` [95% CI] |
            |---|---:|---:|---:|---:|
            | none | 5 | 0.8040 ± 0.0114 | — | -0.0100 [-0.0296, +0.0096] (n=5) |
            | random | 5 | 0.8140 ± 0.0219 | +0.0100 [-0.0096, +0.0296] (n=5) | — |
            | drop | 5 | 0.8240 ± 0.0167 | +0.0200 [+0.0112, +0.0288]* (n=5) \
            | +0.0100 [-0.0024, +0.0224] (n=5) |
            | gappy | 4 | 0.7400 ± 0.1615 | +0.0200 [-0.0545, +0.0945] (n=3) \
            | +0.0100 [-0.0983, +0.1183] (n=3) |
            | random-init | 5 | 0.3040 ± 0.0114 | -0.5000 [-0.5152, -0.4848]* (n=5) |  |
            """)
        // the null kNN of gappy's seed 1 leaves seeds 0 and 2 paired
        .contains("| gappy | 3 | 0.6200 ± 0.1916 | +0.0350 [-0.1556, +0.2256] (n=2) |")
        // null AUROCs: no seed of none or random reports one, so drop has no pair
        .contains(
            """
            ## corruption AUROC

            | cell | n | mean ± std | Δ vs `none` [95% CI] | Δ vs `random` [95% CI] |
            |---|---:|---:|---:|---:|
            | none | 0 | n/a | — | n/a |
            | random | 0 | n/a | n/a | — |
            | drop | 5 | 0.9200 ± 0.0212 | n/a | n/a |
            | gappy | 0 | n/a | n/a | n/a |
            """)
        .contains("## corruption precision")
        .contains("## corruption recall")
        .contains("| drop | 5 | 0.8750 ± 0.0000 | +0.8750 [+0.8750, +0.8750]* (n=5) |");
    assertThat(md.indexOf("## linear top-1"))
        .isLessThan(md.indexOf("## kNN top-1"))
        .isLessThan(md.indexOf("## curated fraction"))
        .isLessThan(md.indexOf("## corruption AUROC"));
  }

  @Test
  void explicitReferencesAndNoControl() {
    String md = AblationReport.summaryMarkdown(cells(), new References("drop", Optional.empty()));
    assertThat(md)
        .startsWith("# Ablation summary\n\nBaseline cell: `drop`; control cell: none. ")
        .contains(
            """
            | cell | n | mean ± std | Δ vs `drop` [95% CI] |
            |---|---:|---:|---:|
            | none | 5 | 0.8040 ± 0.0114 | -0.0200 [-0.0288, -0.0112]* (n=5) |
            """)
        // the random-init row comes from the first cell with random_init results
        .contains("| random-init | random-init | 5 | randomly initialised encoders of cell none |")
        .contains("| drop | baseline | 5 |");
  }

  @Test
  void withoutCorruptionOrRandomInitResultsThoseRowsAndTablesAreLeftOut() {
    List<AblationCell> plain =
        List.of(
            new AblationCell(
                "a", Map.of("x", "1"), List.of(3L), List.of(Map.of("linear_top1", 0.5)), List.of()),
            new AblationCell(
                "b",
                Map.of("x", "2"),
                List.of(3L),
                List.of(Map.of("linear_top1", 0.75)),
                List.of()));
    assertThat(AblationReport.baseline(plain).name()).isEqualTo("a");
    String md = AblationReport.summaryMarkdown(plain);
    assertThat(md)
        .contains("| b | 1 | 0.7500 | +0.2500 (n=1, no CI) |")
        .contains("## kNN top-1")
        .contains("## curated fraction")
        .doesNotContain("corruption")
        .doesNotContain("random-init");
  }

  @Test
  void aPixelsRowGivesThePixelsScoresOfTheBaselinesRunsPairedWithTheBaseline() {
    List<Map<String, Object>> a = results(new double[] {0.80, 0.82}, 0);
    List<Map<String, Object>> b = results(new double[] {0.81, 0.84}, 0);
    double[] pixels = {0.83, 0.84};
    for (int i = 0; i < 2; i++) {
      a.get(i).put("pixels_linear_top1", pixels[i]);
      a.get(i).put("pixels_knn_top1", pixels[i] - 0.1);
      a.get(i).put("random_init_linear_top1", 0.7);
    }
    List<AblationCell> cells =
        List.of(
            new AblationCell("a", Map.of("x", "1"), List.of(0L, 1L), a, List.of()),
            new AblationCell("b", Map.of("x", "2"), List.of(0L, 1L), b, List.of()));
    String md = AblationReport.summaryMarkdown(cells);
    // pixels − a per seed: {+0.03, +0.02}; the row follows random-init, tables only
    assertThat(md)
        .contains(
            """
            | random-init | random-init | 2 | randomly initialised encoders of cell a |
            | pixels | pixels | 2 | raw pixels of the images of cell a |
            """)
        .contains("| pixels | 2 | 0.8350 ± 0.0071 | +0.0250 [-0.0385, +0.0885] (n=2) |")
        .contains("| pixels | 2 | 0.7350 ± 0.0071 |")
        .contains("`pixels`: the same evaluation of the raw pixels of the images of cell a")
        .contains("(pixels_* in result.json)");
  }

  @Test
  void csvHasOneLinePerRowAndMetric() throws IOException {
    Path dir = tmp.resolve("csv");
    AblationReport.write(dir, cells());
    List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
    assertThat(csv.get(0))
        .isEqualTo(
            "cell,role,overrides,seeds,metric,n,mean,std,"
                + "delta_baseline,ci_low_baseline,ci_high_baseline,pairs_baseline,"
                + "excludes_zero_baseline,"
                + "delta_control,ci_low_control,ci_high_control,pairs_control,"
                + "excludes_zero_control");
    assertThat(csv)
        .contains(
            "drop,,curator.type=batch-curation,5,linear_top1,5,0.824000,0.016733,"
                + "0.020000,0.011220,0.028780,5,true,0.010000,-0.002417,0.022417,5,false",
            "random-init,random-init,randomly initialised encoders of cell none,5,linear_top1,5,"
                + "0.304000,0.011402,-0.500000,-0.515207,-0.484793,5,true,,,,,",
            "none,baseline,curator.type=none,5,corruption.auroc,0,,,,,,,,,,,0,",
            "gappy,,(defaults),4,linear_top1,4,0.740000,0.161452,"
                + "0.020000,-0.054524,0.094524,3,false,0.010000,-0.098281,0.118281,3,false");
    assertThat(csv.stream().filter(l -> l.startsWith("none,baseline,curator.type=none,5,linear")))
        .singleElement()
        .satisfies(l -> assertThat(l).contains(",0.804000,0.011402,,,,,,-0.010000,"));
    // 4 cells x 6 metrics, and the random-init row's 2
    assertThat(csv).hasSize(1 + 4 * 6 + 2);
  }

  @Test
  void pageDrawsEachMetricsDifferencesAsDotsWithIntervals() throws IOException {
    Path dir = tmp.resolve("ablation");
    List<Path> noneRuns = new ArrayList<>();
    for (long s : FIVE) {
      noneRuns.add(FakeRun.complete(tmp.resolve("runs/none/seed-" + s), 0.8, 1.0));
    }
    RunReport.write(noneRuns.get(0));
    List<AblationCell> cells = cells(noneRuns, List.of());
    Path html = AblationReport.write(dir, cells);
    assertThat(Files.readString(dir.resolve("summary.md")))
        .isEqualTo(AblationReport.summaryMarkdown(cells));
    String page = Files.readString(html);
    assertThat(Pngs.alts(page))
        .containsExactly(
            "Δ linear top-1 vs none",
            "Δ linear top-1 vs random",
            "Δ kNN top-1 vs none",
            "Δ kNN top-1 vs random",
            "Δ curated fraction vs none",
            "Δ curated fraction vs random",
            "Δ corruption precision vs random",
            "Δ corruption recall vs none",
            "Δ corruption recall vs random",
            "loss per cell");
    for (Pngs.Image image : Pngs.images(page)) {
      Pngs.assertDrawn(image.png(), image.alt());
    }
    assertThat(Pngs.externalReferences(page)).isEmpty();
    try (var files = Files.list(dir.resolve("plots"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "linear_top1.png",
              "linear_top1_vs_control.png",
              "knn_top1.png",
              "knn_top1_vs_control.png",
              "curated_fraction.png",
              "curated_fraction_vs_control.png",
              "corruption_precision_vs_control.png",
              "corruption_recall.png",
              "corruption_recall_vs_control.png",
              "loss.png");
    }
    assertThat(page)
        .contains(
            "Not drawn: no cell shares a seed reporting corruption.auroc with the baseline none.")
        .contains(
            "Not drawn: no cell shares a seed reporting corruption.auroc with the control random.")
        .contains(
            "Not drawn: no cell shares a seed reporting corruption.precision with the baseline"
                + " none.")
        .contains("+0.0200 [+0.0112, +0.0288]* (n=5)")
        .contains("0.8240 ± 0.0167")
        .contains("../runs/none/seed-0/report.html");
  }

  @Test
  void badReferencesAreRefused() {
    assertThatThrownBy(() -> AblationReport.summaryMarkdown(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cells must not be empty");
    assertThatThrownBy(
            () -> AblationReport.summaryMarkdown(cells(), new References("nope", Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("baseline cell nope is not among the cells [none, random, drop, gappy]");
    assertThatThrownBy(
            () -> AblationReport.summaryMarkdown(cells(), new References("none", Optional.of("x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("control cell x is not among the cells [none, random, drop, gappy]");
    assertThatThrownBy(() -> new References("none", Optional.of("none")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the control cell must differ from the baseline cell, both are none");
  }

  @Test
  void badCellsAreRefused() {
    assertThatThrownBy(() -> new AblationCell(" ", Map.of(), List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be blank");
    assertThatThrownBy(() -> new AblationCell("a", Map.of(), List.of(1L), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cell a: 1 seeds for 0 results");
    assertThatThrownBy(
            () ->
                new AblationCell(
                    "a", Map.of(), List.of(1L, 1L), List.of(Map.of(), Map.of()), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cell a: seeds must be distinct, got [1, 1]");
  }
}
