package org.batchcuration.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.batchcuration.reporting.SeedStats.Metric;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.MetricKeys;
import org.batchcuration.runfolder.RunFiles;

/**
 * The comparison of ablation cells: {@code summary.csv}, {@code summary.md} and {@code
 * report.html}. Per cell and metric (linear top-1, kNN top-1, curated fraction, and the corruption
 * detection metrics when some run reports them): the mean and sample std over the seeds that report
 * it, and the difference to the baseline cell and to the control cell, paired seed by seed ({@link
 * PairedDelta}: mean of the per-seed differences over the seeds both cells report, with its 95%
 * Student-t interval, marked when it excludes 0). When runs report {@code random_init_linear_top1}
 * / {@code random_init_knn_top1}, a {@code random-init} row gives those of the baseline cell's runs
 * (or of the first cell that has them) with their paired difference to the baseline, and likewise a
 * {@code pixels} row from {@code pixels_linear_top1} / {@code pixels_knn_top1} (the same probe and
 * kNN on the raw pixels: the row a learned representation must beat). The page draws, per metric,
 * each cell's difference to the baseline, and in a second chart to the control when there is one,
 * as a dot with its interval around a zero line (the random-init and pixels rows only in the
 * tables: their large differences would flatten the cells' intervals), and the cells' loss curves
 * overlaid (mean over seeds per step, from each run's {@code metrics.jsonl}). The page is
 * self-contained: its charts are inlined as {@code data:} URIs (the PNGs in {@code plots/} are
 * copies for other uses). All files are written atomically. Stateless.
 */
public final class AblationReport {
  /** The name of the row of randomly initialised encoders. */
  public static final String RANDOM_INIT = "random-init";

  /** The name of the row of raw pixels ({@code pixels_*} in {@code result.json}). */
  public static final String PIXELS = "pixels";

  static final String CSV_HEADER =
      "cell,role,overrides,seeds,metric,n,mean,std,"
          + "delta_baseline,ci_low_baseline,ci_high_baseline,pairs_baseline,excludes_zero_baseline,"
          + "delta_control,ci_low_control,ci_high_control,pairs_control,excludes_zero_control";

  private AblationReport() {}

  /**
   * The cells the others are compared with.
   *
   * @param baseline the baseline cell's name
   * @param control the control cell's name (e.g. {@code random}), if the ablation has one
   */
  public record References(String baseline, Optional<String> control) {
    public References {
      Objects.requireNonNull(baseline, "baseline");
      Objects.requireNonNull(control, "control");
      if (control.isPresent() && control.get().equals(baseline)) {
        throw new IllegalArgumentException(
            "the control cell must differ from the baseline cell, both are " + baseline);
      }
    }

    /**
     * The references when nothing names them: the baseline is the first cell named {@code baseline}
     * or {@code none}, else the first cell; the control is the first other cell named {@code
     * random}, if any.
     */
    public static References defaults(List<String> cellNames) {
      if (cellNames.isEmpty()) {
        throw new IllegalArgumentException("cells must not be empty");
      }
      String base =
          cellNames.stream()
              .filter(n -> n.equals("baseline") || n.equals("none"))
              .findFirst()
              .orElse(cellNames.get(0));
      return new References(
          base, cellNames.stream().filter(n -> n.equals("random") && !n.equals(base)).findFirst());
    }

    private void requireIn(List<AblationCell> cells) {
      Set<String> names = new LinkedHashSet<>();
      cells.forEach(c -> names.add(c.name()));
      if (!names.contains(baseline)) {
        throw new IllegalArgumentException(
            "baseline cell " + baseline + " is not among the cells " + names);
      }
      if (control.isPresent() && !names.contains(control.get())) {
        throw new IllegalArgumentException(
            "control cell " + control.get() + " is not among the cells " + names);
      }
    }
  }

  /** A row of the summary: a cell (or the random-init row) and its role. */
  private record Row(AblationCell cell, String role, String overrides) {}

  /** Writes the summary files and the comparison page with the default {@link References}. */
  public static Path write(Path dir, List<AblationCell> cells) throws IOException {
    return write(dir, cells, defaults(cells));
  }

  /**
   * Writes the summary files and the comparison page into {@code dir}.
   *
   * @return the path of {@code report.html}
   */
  public static Path write(Path dir, List<AblationCell> cells, References refs) throws IOException {
    Objects.requireNonNull(dir, "dir");
    requireCells(cells, refs);
    Files.createDirectories(dir.resolve(RunFiles.PLOTS));
    AtomicWrite.writeString(dir.resolve(RunFiles.SUMMARY_CSV), summaryCsv(cells, refs));
    AtomicWrite.writeString(dir.resolve(RunFiles.SUMMARY_MD), summaryMarkdown(cells, refs));
    Path html = dir.resolve(RunFiles.REPORT);
    AtomicWrite.writeString(html, page(dir, cells, refs));
    return html;
  }

  /** The summary in Markdown with the default {@link References}. */
  public static String summaryMarkdown(List<AblationCell> cells) {
    return summaryMarkdown(cells, defaults(cells));
  }

  /**
   * The summary in Markdown, as written to {@code summary.md}: a table of the cells, then one table
   * per metric with the columns {@code cell | n | mean ± std | Δ vs <baseline> [95% CI] | Δ vs
   * <control> [95% CI]} (the last only when there is a control).
   */
  public static String summaryMarkdown(List<AblationCell> cells, References refs) {
    requireCells(cells, refs);
    List<Row> rows = rows(cells, refs);
    StringBuilder b = new StringBuilder();
    b.append("# Ablation summary\n\n").append(legend(rows, refs, "`")).append("\n\n");
    b.append("## Cells\n\n| cell | role | seeds | overrides |\n|---|---|---:|---|\n");
    for (Row r : rows) {
      b.append("| ")
          .append(markdownCell(r.cell().name()))
          .append(" | ")
          .append(r.role())
          .append(" | ")
          .append(r.cell().results().size())
          .append(" | ")
          .append(markdownCell(r.overrides()))
          .append(" |\n");
    }
    for (Metric m : metrics(rows)) {
      b.append("\n## ").append(m.label).append("\n\n");
      b.append("| ").append(String.join(" | ", metricHeader(refs, "`"))).append(" |\n");
      b.append("|---|---:|---:|---:|").append(refs.control().isPresent() ? "---:|" : "");
      b.append('\n');
      for (List<String> line : metricRows(rows, cells, refs, m)) {
        b.append("| ").append(markdownCell(line.get(0)));
        for (String v : line.subList(1, line.size())) {
          b.append(" | ").append(v);
        }
        b.append(" |\n");
      }
    }
    return b.toString();
  }

  /**
   * The summary as CSV, one line per row and metric ({@value #CSV_HEADER}); {@code role} is {@code
   * baseline}, {@code control}, {@code random-init}, {@code pixels} or empty; the {@code _baseline}
   * and {@code _control} columns are empty for the reference itself, when there is no control, and
   * for the random-init and pixels rows' control; {@code excludes_zero_*} is empty without an
   * interval (under two paired seeds).
   */
  static String summaryCsv(List<AblationCell> cells, References refs) {
    requireCells(cells, refs);
    List<Row> rows = rows(cells, refs);
    StringBuilder b = new StringBuilder(CSV_HEADER).append('\n');
    for (Row r : rows) {
      for (Metric m : metrics(rows)) {
        if (isReference(r) && !referenceKeys(r).containsKey(m)) {
          continue;
        }
        SeedStats s = SeedStats.of(r.cell(), m);
        b.append(csv(r.cell().name())).append(',').append(r.role());
        b.append(',').append(csv(r.overrides())).append(',').append(r.cell().results().size());
        b.append(',').append(m.key).append(',').append(s.n());
        b.append(',').append(number(s.mean())).append(',').append(number(s.std()));
        csvDelta(b, delta(r, cells, refs.baseline(), m));
        csvDelta(
            b,
            isReference(r) ? Optional.empty() : refs.control().flatMap(c -> delta(r, cells, c, m)));
        b.append('\n');
      }
    }
    return b.toString();
  }

  private static void csvDelta(StringBuilder b, Optional<PairedDelta> d) {
    if (d.isEmpty()) {
      b.append(",,,,,");
      return;
    }
    PairedDelta p = d.get();
    b.append(',').append(number(p.mean()));
    b.append(',').append(p.hasInterval() ? number(p.low()) : "");
    b.append(',').append(p.hasInterval() ? number(p.high()) : "");
    b.append(',').append(p.n());
    b.append(',').append(p.hasInterval() ? String.valueOf(p.excludesZero()) : "");
  }

  static References defaults(List<AblationCell> cells) {
    Objects.requireNonNull(cells, "cells");
    return References.defaults(cells.stream().map(AblationCell::name).toList());
  }

  static AblationCell baseline(List<AblationCell> cells) {
    return cell(cells, defaults(cells).baseline());
  }

  /**
   * A row that is not a cell: the same evaluation of another representation of the baseline's
   * images, read from the runs' {@code result.json} under other keys.
   */
  private record ReferenceRow(String name, Map<Metric, String> keys, String what, String source) {}

  private static final List<ReferenceRow> REFERENCE_ROWS =
      List.of(
          new ReferenceRow(
              RANDOM_INIT,
              Map.of(
                  Metric.LINEAR_TOP1, MetricKeys.RANDOM_INIT_LINEAR_TOP1,
                  Metric.KNN_TOP1, MetricKeys.RANDOM_INIT_KNN_TOP1),
              "randomly initialised encoders of cell ",
              "random_init_*"),
          new ReferenceRow(
              PIXELS,
              Map.of(
                  Metric.LINEAR_TOP1, MetricKeys.PIXELS_LINEAR_TOP1,
                  Metric.KNN_TOP1, MetricKeys.PIXELS_KNN_TOP1),
              "raw pixels of the images of cell ",
              "pixels_*"));

  private static boolean isReference(Row r) {
    return REFERENCE_ROWS.stream().anyMatch(x -> x.name().equals(r.role()));
  }

  private static Map<Metric, String> referenceKeys(Row r) {
    return REFERENCE_ROWS.stream()
        .filter(x -> x.name().equals(r.role()))
        .findFirst()
        .map(ReferenceRow::keys)
        .orElse(Map.of());
  }

  /** The cells with their roles, then the random-init and pixels rows when some run has them. */
  private static List<Row> rows(List<AblationCell> cells, References refs) {
    List<Row> rows = new ArrayList<>();
    for (AblationCell c : cells) {
      String role =
          c.name().equals(refs.baseline())
              ? "baseline"
              : refs.control().filter(c.name()::equals).isPresent() ? "control" : "";
      rows.add(new Row(c, role, c.overridesText()));
    }
    for (ReferenceRow x : REFERENCE_ROWS) {
      referenceRow(cells, refs, x).ifPresent(rows::add);
    }
    return rows;
  }

  /**
   * A reference row: its metrics in the baseline's runs, or in those of the first cell whose runs
   * report one.
   */
  private static Optional<Row> referenceRow(
      List<AblationCell> cells, References refs, ReferenceRow x) {
    List<AblationCell> order = new ArrayList<>();
    order.add(cell(cells, refs.baseline()));
    order.addAll(cells);
    for (AblationCell source : order) {
      List<Map<String, Object>> results = new ArrayList<>();
      boolean any = false;
      for (Map<String, Object> r : source.results()) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<Metric, String> e : x.keys().entrySet()) {
          Object v = r.get(e.getValue());
          m.put(e.getKey().key, v);
          any |= v instanceof Number n && Double.isFinite(n.doubleValue());
        }
        results.add(m);
      }
      if (any) {
        AblationCell row = new AblationCell(x.name(), Map.of(), source.seeds(), results, List.of());
        return Optional.of(new Row(row, x.name(), x.what() + source.name()));
      }
    }
    return Optional.empty();
  }

  /** The core metrics, and the optional ones some row reports. */
  private static List<Metric> metrics(List<Row> rows) {
    List<Metric> out = new ArrayList<>();
    for (Metric m : Metric.values()) {
      if (!m.optional || rows.stream().anyMatch(r -> SeedStats.of(r.cell(), m).defined())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The difference of a row to the reference cell, empty when the row is that cell. */
  private static Optional<PairedDelta> delta(
      Row r, List<AblationCell> cells, String reference, Metric m) {
    if (!isReference(r) && r.cell().name().equals(reference)) {
      return Optional.empty();
    }
    return Optional.of(PairedDelta.of(m.values(r.cell()), m.values(cell(cells, reference))));
  }

  private static List<String> metricHeader(References refs, String quote) {
    List<String> h = new ArrayList<>(List.of("cell", "n", "mean ± std"));
    h.add("Δ vs " + quote + refs.baseline() + quote + " [95% CI]");
    refs.control().ifPresent(c -> h.add("Δ vs " + quote + c + quote + " [95% CI]"));
    return h;
  }

  private static List<List<String>> metricRows(
      List<Row> rows, List<AblationCell> cells, References refs, Metric m) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      if (isReference(r) && !referenceKeys(r).containsKey(m)) {
        continue;
      }
      SeedStats s = SeedStats.of(r.cell(), m);
      List<String> line = new ArrayList<>(List.of(r.cell().name(), "" + s.n(), meanStd(s)));
      line.add(deltaText(delta(r, cells, refs.baseline(), m)));
      if (refs.control().isPresent()) {
        line.add(isReference(r) ? "" : deltaText(delta(r, cells, refs.control().get(), m)));
      }
      out.add(line);
    }
    return out;
  }

  private static String legend(List<Row> rows, References refs, String quote) {
    StringBuilder b = new StringBuilder();
    b.append("Baseline cell: ").append(quote).append(refs.baseline()).append(quote);
    b.append("; control cell: ")
        .append(refs.control().map(c -> quote + c + quote).orElse("none"))
        .append(". ");
    b.append(
        "Per metric: mean ± sample std over the n seeds that report it. Δ: mean of the per-seed"
            + " differences (cell − reference) over the seeds both report, with its 95% Student-t"
            + " confidence interval (n − 1 degrees of freedom) and the number of pairs; "
            + quote
            + "*"
            + quote
            + " marks an interval that excludes 0; — marks the reference itself.");
    for (ReferenceRow x : REFERENCE_ROWS) {
      rows.stream()
          .filter(r -> r.role().equals(x.name()))
          .findFirst()
          .ifPresent(
              r ->
                  b.append(' ')
                      .append(quote)
                      .append(x.name())
                      .append(quote)
                      .append(": the same evaluation of the ")
                      .append(r.overrides())
                      .append(" (")
                      .append(x.source())
                      .append(" in result.json), paired with the baseline by seed."));
    }
    return b.toString();
  }

  private static AblationCell cell(List<AblationCell> cells, String name) {
    return cells.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cell named " + name));
  }

  private static String page(Path dir, List<AblationCell> cells, References refs)
      throws IOException {
    List<Row> rows = rows(cells, refs);
    Html page = new Html("Ablation report: " + dir.getFileName());
    page.heading(1, "Ablation report: " + dir.getFileName());
    page.paragraph("sub", cells.size() + " cells. " + legend(rows, refs, ""));
    List<List<String>> cellRows = new ArrayList<>();
    for (Row r : rows) {
      cellRows.add(
          List.of(r.cell().name(), r.role(), "" + r.cell().results().size(), r.overrides()));
    }
    page.table(List.of("cell", "role", "seeds", "overrides"), cellRows);

    Path plots = dir.resolve(RunFiles.PLOTS);
    for (Metric m : metrics(rows)) {
      page.heading(2, m.label);
      page.table(metricHeader(refs, ""), metricRows(rows, cells, refs, m));
      String file = m.key.replace('.', '_');
      deltaChart(page, plots.resolve(file + ".png"), rows, cells, "baseline", refs.baseline(), m);
      Path controlPng = plots.resolve(file + "_vs_control.png");
      if (refs.control().isPresent()) {
        deltaChart(page, controlPng, rows, cells, "control", refs.control().get(), m);
      } else {
        Files.deleteIfExists(controlPng);
      }
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
      page.image(
          Charts.writePng(
              Charts.lines(
                  "Loss per step (mean over seeds, moving average of 10 logged steps)",
                  "step",
                  "loss",
                  curves),
              lossPng),
          "loss per cell");
    }

    List<List<String>> links = new ArrayList<>();
    for (AblationCell c : cells) {
      for (Path run : c.runDirs()) {
        if (Files.exists(run.resolve(RunFiles.REPORT))) {
          links.add(List.of(c.name(), relative(dir, run.resolve(RunFiles.REPORT))));
        }
      }
    }
    if (!links.isEmpty()) {
      page.heading(2, "Run reports");
      page.table(List.of("cell", "report"), links);
    }
    return page.finish();
  }

  /**
   * Draws each cell's paired difference to the cell {@code reference} (the baseline or the control,
   * as {@code role} says) on metric {@code m} (the reference itself and the random-init and pixels
   * rows left out), or a note when no cell shares a seed with it.
   */
  private static void deltaChart(
      Html page,
      Path png,
      List<Row> rows,
      List<AblationCell> cells,
      String role,
      String reference,
      Metric m)
      throws IOException {
    List<String> names = new ArrayList<>();
    List<PairedDelta> deltas = new ArrayList<>();
    for (Row r : rows) {
      if (isReference(r)) {
        continue; // in the table; its large difference would flatten the cells' intervals
      }
      Optional<PairedDelta> d = delta(r, cells, reference, m);
      if (d.isPresent() && d.get().defined()) {
        names.add(r.cell().name());
        deltas.add(d.get());
      }
    }
    if (deltas.isEmpty()) {
      Files.deleteIfExists(png);
      page.note(
          "Not drawn: no cell shares a seed reporting "
              + m.key
              + " with the "
              + role
              + " "
              + reference
              + ".");
      return;
    }
    page.image(
        Charts.writePng(
            Charts.deltas(
                "Δ " + m.label + " vs " + reference + " (paired over seeds, 95% CI)",
                "Δ " + m.label + " vs " + reference,
                names,
                deltas),
            png),
        "Δ " + m.label + " vs " + reference);
  }

  /** Mean loss per step over the runs' metrics (steps missing in a run average the others). */
  private static double[][] meanLoss(List<Path> runDirs) throws IOException {
    Map<Double, double[]> byStep = new TreeMap<>();
    for (Path run : runDirs) {
      MetricsLog log = MetricsLog.read(run.resolve(RunFiles.METRICS));
      for (double[] p : MetricsLog.points(log.steps(), MetricKeys.STEP, MetricKeys.LOSS)) {
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

  private static void requireCells(List<AblationCell> cells, References refs) {
    Objects.requireNonNull(cells, "cells");
    Objects.requireNonNull(refs, "refs");
    if (cells.isEmpty()) {
      throw new IllegalArgumentException("cells must not be empty");
    }
    refs.requireIn(cells);
  }

  private static String meanStd(SeedStats s) {
    if (!s.defined()) {
      return "n/a";
    }
    return Double.isFinite(s.std())
        ? String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std())
        : String.format(Locale.ROOT, "%.4f", s.mean());
  }

  /**
   * {@code +0.0100 [-0.0096, +0.0296] (n=5)}, with {@code *} after the interval when it excludes 0.
   */
  static String deltaText(Optional<PairedDelta> delta) {
    if (delta.isEmpty()) {
      return "—";
    }
    PairedDelta d = delta.get();
    if (!d.defined()) {
      return "n/a";
    }
    if (!d.hasInterval()) {
      return String.format(Locale.ROOT, "%+.4f (n=1, no CI)", d.mean());
    }
    return String.format(
        Locale.ROOT,
        "%+.4f [%+.4f, %+.4f]%s (n=%d)",
        d.mean(),
        d.low(),
        d.high(),
        d.excludesZero() ? "*" : "",
        d.n());
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
