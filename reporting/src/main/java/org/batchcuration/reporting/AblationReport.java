package org.batchcuration.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.batchcuration.reporting.SeedStats.Metric;

/**
 * The comparison of ablation cells: {@code summary.csv}, {@code summary.md} (per cell the mean and
 * sample std over seeds of linear top-1, kNN top-1 and the curated fraction, and the difference of
 * each mean to the baseline cell's) and {@code report.html} with bar charts (mean +- std) and the
 * cells' loss curves overlaid (mean over seeds per step, from each run's {@code metrics.jsonl}).
 * The baseline is the first cell named {@code baseline} or {@code none}, else the first cell. All
 * files are written atomically. Stateless.
 */
public final class AblationReport {
  private AblationReport() {}

  /**
   * Writes the summary files and the comparison page into {@code dir}.
   *
   * @return the path of {@code report.html}
   */
  public static Path write(Path dir, List<AblationCell> cells) throws IOException {
    Objects.requireNonNull(dir, "dir");
    requireCells(cells);
    Files.createDirectories(dir.resolve("plots"));
    AtomicFiles.writeString(dir.resolve("summary.csv"), summaryCsv(cells));
    AtomicFiles.writeString(dir.resolve("summary.md"), summaryMarkdown(cells));
    Path html = dir.resolve("report.html");
    AtomicFiles.writeString(html, page(dir, cells));
    return html;
  }

  /** The summary table in Markdown, as written to {@code summary.md}. */
  public static String summaryMarkdown(List<AblationCell> cells) {
    requireCells(cells);
    AblationCell base = baseline(cells);
    StringBuilder b = new StringBuilder();
    b.append("# Ablation summary\n\n");
    b.append("Mean ± sample std over seeds; Δ = difference of the mean to the baseline cell `")
        .append(base.name())
        .append("`.\n\n");
    b.append("| cell | overrides | seeds |");
    for (Metric m : Metric.values()) {
      b.append(' ').append(m.label).append(" | Δ ").append(m.label).append(" |");
    }
    b.append('\n').append("|---|---|---:|");
    b.append("---:|---:|".repeat(Metric.values().length)).append('\n');
    for (AblationCell c : cells) {
      b.append("| ")
          .append(markdownCell(c.name()))
          .append(" | ")
          .append(markdownCell(c.overridesText()))
          .append(" | ")
          .append(c.results().size())
          .append(" |");
      for (Metric m : Metric.values()) {
        SeedStats s = SeedStats.of(c, m);
        b.append(' ').append(meanStd(s)).append(" | ").append(delta(s, base, m)).append(" |");
      }
      b.append('\n');
    }
    return b.toString();
  }

  static String summaryCsv(List<AblationCell> cells) {
    AblationCell base = baseline(cells);
    StringBuilder b = new StringBuilder("cell,overrides,seeds");
    for (Metric m : Metric.values()) {
      b.append(',').append(m.key).append("_mean,").append(m.key).append("_std,");
      b.append(m.key).append("_n,").append(m.key).append("_delta");
    }
    b.append(",baseline\n");
    for (AblationCell c : cells) {
      b.append(csv(c.name())).append(',').append(csv(c.overridesText()));
      b.append(',').append(c.results().size());
      for (Metric m : Metric.values()) {
        SeedStats s = SeedStats.of(c, m);
        SeedStats bs = SeedStats.of(base, m);
        b.append(',').append(number(s.mean())).append(',').append(number(s.std()));
        b.append(',').append(s.n()).append(',').append(number(s.mean() - bs.mean()));
      }
      b.append(',').append(c == base).append('\n');
    }
    return b.toString();
  }

  static AblationCell baseline(List<AblationCell> cells) {
    for (AblationCell c : cells) {
      if (c.name().equals("baseline") || c.name().equals("none")) {
        return c;
      }
    }
    return cells.get(0);
  }

  private static String page(Path dir, List<AblationCell> cells) throws IOException {
    AblationCell base = baseline(cells);
    Html page = new Html("Ablation report: " + dir.getFileName());
    page.heading(1, "Ablation report: " + dir.getFileName());
    page.paragraph(
        "sub",
        cells.size()
            + " cells; baseline: "
            + base.name()
            + "; mean ± sample std over seeds, Δ to the baseline's mean");
    List<String> header = new ArrayList<>(List.of("cell", "overrides", "seeds"));
    for (Metric m : Metric.values()) {
      header.add(m.label);
      header.add("Δ " + m.label);
    }
    List<List<String>> rows = new ArrayList<>();
    for (AblationCell c : cells) {
      List<String> row =
          new ArrayList<>(List.of(c.name(), c.overridesText(), "" + c.results().size()));
      for (Metric m : Metric.values()) {
        SeedStats s = SeedStats.of(c, m);
        row.add(meanStd(s));
        row.add(delta(s, base, m));
      }
      rows.add(row);
    }
    page.table(header, rows);

    Path plots = dir.resolve("plots");
    List<String> names = cells.stream().map(AblationCell::name).toList();
    for (Metric m : Metric.values()) {
      page.heading(2, m.label);
      Path png = plots.resolve(m.key + ".png");
      double[] mean = new double[cells.size()];
      double[] std = new double[cells.size()];
      boolean any = false;
      for (int i = 0; i < cells.size(); i++) {
        SeedStats s = SeedStats.of(cells.get(i), m);
        mean[i] = s.defined() ? s.mean() : Double.NaN;
        std[i] = Double.isFinite(s.std()) ? s.std() : 0;
        any |= s.defined();
      }
      if (!any) {
        Files.deleteIfExists(png);
        page.note("Not drawn: no cell reports " + m.key + ".");
        continue;
      }
      Charts.writePng(
          Charts.bars(m.label + " per cell (mean ± std over seeds)", m.label, names, mean, std),
          png);
      page.image("plots/" + png.getFileName(), m.label);
    }

    page.heading(2, "Training loss");
    List<Charts.Line> curves = new ArrayList<>();
    for (AblationCell c : cells) {
      double[][] mean = meanLoss(c.runDirs());
      if (mean.length > 0) {
        curves.add(new Charts.Line(c.name(), RunReport.movingAverage(mean, 10)));
      }
    }
    Path lossPng = plots.resolve("loss.png");
    if (curves.isEmpty()) {
      Files.deleteIfExists(lossPng);
      page.note("Not drawn: no cell has run folders with step losses in metrics.jsonl.");
    } else {
      Charts.writePng(
          Charts.lines(
              "Loss per step (mean over seeds, moving average of 10 logged steps)",
              "step",
              "loss",
              curves),
          lossPng);
      page.image("plots/loss.png", "loss per cell");
    }

    List<List<String>> links = new ArrayList<>();
    for (AblationCell c : cells) {
      for (Path run : c.runDirs()) {
        if (Files.exists(run.resolve("report.html"))) {
          links.add(List.of(c.name(), relative(dir, run.resolve("report.html"))));
        }
      }
    }
    if (!links.isEmpty()) {
      page.heading(2, "Run reports");
      page.table(List.of("cell", "report"), links);
    }
    return page.finish();
  }

  /** Mean loss per step over the runs' metrics (steps missing in a run average the others). */
  private static double[][] meanLoss(List<Path> runDirs) throws IOException {
    Map<Double, double[]> byStep = new TreeMap<>();
    for (Path run : runDirs) {
      MetricsLog log = MetricsLog.read(run.resolve("metrics.jsonl"));
      for (double[] p : MetricsLog.points(log.steps(), "step", "loss")) {
        double[] acc = byStep.computeIfAbsent(p[0], k -> new double[2]);
        acc[0] += p[1];
        acc[1]++;
      }
    }
    Map<Double, Double> mean = new LinkedHashMap<>();
    byStep.forEach((step, acc) -> mean.put(step, acc[0] / acc[1]));
    return mean.entrySet().stream()
        .map(e -> new double[] {e.getKey(), e.getValue()})
        .toArray(double[][]::new);
  }

  private static String relative(Path from, Path to) {
    try {
      return from.toAbsolutePath()
          .normalize()
          .relativize(to.toAbsolutePath().normalize())
          .toString();
    } catch (IllegalArgumentException e) {
      return to.toAbsolutePath().toString();
    }
  }

  private static void requireCells(List<AblationCell> cells) {
    Objects.requireNonNull(cells, "cells");
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("cells must not be empty");
    }
  }

  private static String meanStd(SeedStats s) {
    if (!s.defined()) {
      return "n/a";
    }
    return Double.isFinite(s.std())
        ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())
        : String.format(Locale.ROOT, "%.4f", s.mean());
  }

  private static String delta(SeedStats s, AblationCell base, Metric m) {
    SeedStats b = SeedStats.of(base, m);
    if (!s.defined() || !b.defined()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.4f", s.mean() - b.mean());
  }

  private static String number(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
  }

  private static String csv(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }

  private static String markdownCell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
