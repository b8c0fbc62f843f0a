package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.MetricKeys;
import org.batchcuration.runfolder.RunFiles;
import org.jfree.chart.JFreeChart;

/**
 * The report of one run: reads the run folder's {@code metrics.jsonl}, {@code result.json}, {@code
 * config.resolved.json}, {@code provenance.json} and {@code projection2d.json} (each may be
 * absent), writes {@code plots/*.png} and {@code report.html}. The page is self-contained: its
 * style is inline and its charts are inlined as {@code data:} URIs (the PNGs in {@code plots/} are
 * copies for other uses), so it can be sent on its own and loads nothing from anywhere. It shows
 * the key figures with the gains over a randomly initialised encoder and over the raw pixels (when
 * the run scored them), the charts (loss, learning rate, kNN monitor, throughput and the step's
 * time split, curated fraction, pair similarities, alignment and uniformity, the test embeddings),
 * the result, the provenance and the resolved configuration, every number rounded. Every chart
 * whose data is missing is left out with a note on the page, and a stale PNG of it is deleted. All
 * files are written atomically. Stateless; concurrent calls on the same folder are not supported.
 */
public final class RunReport {
  /** The step line's time split, in the order drawn: key and label. */
  private static final List<String[]> SPLIT =
      List.of(
          new String[] {"forward_backward_ms", "forward + backward"},
          new String[] {"host_ms", "host"},
          new String[] {"update_ms", "update"});

  private static final String IMAGES_PER_S = "images_per_s";

  private RunReport() {}

  /**
   * Writes the report of the run in {@code runDir}.
   *
   * @return the path of {@code report.html}
   * @throws org.batchcuration.api.DataException if an input file is malformed
   */
  public static Path write(Path runDir) throws IOException {
    Objects.requireNonNull(runDir, "runDir");
    ReportInputs run = ReportInputs.read(runDir);
    Path plots = runDir.resolve(RunFiles.PLOTS);
    Files.createDirectories(plots);
    Html page = new Html("Run report: " + runDir.getFileName());
    page.heading(1, "Run report: " + runDir.getFileName());
    page.paragraph("sub", runDir.toAbsolutePath().toString());
    page.figures(RunFigures.keyFigures(run.result(), run.curatorType()));
    if (run.result().isEmpty()) {
      page.note("result.json is missing: the run has not finished, so there are no final figures.");
    }
    Optional<RunFigures.Table> gains = RunFigures.gains(run.result());
    if (gains.isPresent()) {
      page.heading(2, "Against the baselines");
      page.paragraph(
          "sub",
          "The same linear probe and kNN on a randomly initialised encoder and on the raw pixels"
              + " scaled to [0, 1]: the gain is what training added.");
      page.table(gains.get().header(), gains.get().rows());
    }

    List<JsonNode> steps = run.metrics().steps();
    List<JsonNode> epochs = run.metrics().epochs();
    Section s = new Section(page, plots);
    double[][] loss = MetricsLog.points(steps, MetricKeys.STEP, MetricKeys.LOSS);
    s.chart(
        "Training loss",
        "loss.png",
        loss.length == 0
            ? null
            : Charts.lines(
                "Contrastive loss per step",
                "step",
                "loss",
                List.of(
                    new Charts.Line("loss", loss),
                    new Charts.Line("moving average (20 logged steps)", movingAverage(loss, 20)))),
        "no step lines with a loss in metrics.jsonl");
    double[][] lr = MetricsLog.points(steps, MetricKeys.STEP, MetricKeys.LR);
    s.chart(
        "Learning rate",
        "learning_rate.png",
        lr.length == 0
            ? null
            : Charts.lines(
                "Learning rate per step",
                "step",
                "learning rate",
                List.of(new Charts.Line("lr", lr))),
        "no step lines with a learning rate in metrics.jsonl");
    double[][] knn =
        epochsTrained(MetricsLog.points(epochs, MetricKeys.EPOCH, MetricKeys.KNN_TOP1));
    s.chart(
        "kNN accuracy",
        "knn_top1.png",
        knn.length == 0
            ? null
            : Charts.lines(
                "kNN top-1 accuracy per epoch (monitor)",
                Charts.EPOCHS_TRAINED,
                "kNN top-1",
                List.of(new Charts.Line("kNN top-1", knn))),
        "no kNN monitor in this run (epoch lines without knn_top1)");
    s.chart(
        "Throughput and step time",
        "throughput.png",
        throughputChart(steps),
        "no step lines with images_per_s and forward_backward_ms/host_ms/update_ms");
    splitTable(steps).ifPresent(t -> page.table(t.header(), t.rows()));
    double[][] curated = MetricsLog.points(steps, MetricKeys.STEP, MetricKeys.CURATED_FRACTION);
    s.chart(
        "Curated fraction",
        "curated_fraction.png",
        curated.length == 0
            ? null
            : Charts.lines(
                "Share of the batch changed by the curator",
                "step",
                "curated fraction",
                List.of(new Charts.Line("curated fraction", curated))),
        "no curated_fraction in the step lines");
    s.chart(
        "Pair similarities",
        "similarity_quantiles.png",
        quantileChart(steps),
        "no pos_sim/neg_sim quantiles in the step lines");
    s.chart(
        "Similarity histograms",
        "similarity_histogram.png",
        histogramChart(run.metrics().histograms()),
        "no histogram lines in metrics.jsonl");
    double[][] align = epochsTrained(MetricsLog.points(epochs, MetricKeys.EPOCH, "alignment"));
    double[][] uniform = epochsTrained(MetricsLog.points(epochs, MetricKeys.EPOCH, "uniformity"));
    s.chart(
        "Alignment and uniformity",
        "alignment_uniformity.png",
        align.length == 0 || uniform.length == 0
            ? null
            : Charts.dualAxis(
                "Alignment and uniformity per epoch (lower is better)",
                Charts.EPOCHS_TRAINED,
                new Charts.Line("alignment", align),
                new Charts.Line("uniformity", uniform)),
        "no alignment/uniformity in the epoch lines");
    s.chart(
        "Test embeddings",
        "projection2d.png",
        run.projection().flatMap(Projection::of).map(Projection::chart).orElse(null),
        "projection2d.json is missing or empty");

    page.heading(2, "Result");
    page.table(
        List.of("key", "value"),
        run.result()
            .map(r -> ReportInputs.flatten(r, Html::format))
            .orElse(List.of(List.of(RunFiles.RESULT, "missing"))));
    page.heading(2, "Provenance");
    if (run.provenance().isPresent()) {
      page.table(List.of("what", "value"), ProvenanceTable.rows(run.provenance().get()));
    } else {
      page.note("provenance.json is missing.");
    }
    page.heading(2, "Resolved configuration");
    if (run.config().isPresent()) {
      page.table(
          List.of("setting", "value"), ReportInputs.flatten(run.config().get(), Html::setting));
    } else {
      page.note("config.resolved.json is missing.");
    }
    Path html = runDir.resolve(RunFiles.REPORT);
    AtomicWrite.writeString(html, page.finish());
    return html;
  }

  /**
   * The step's time split (moving averages of 10 logged steps, left axis) and images per second
   * (right axis) per step; null when the step lines have no split or no throughput.
   */
  private static JFreeChart throughputChart(List<JsonNode> steps) {
    List<Charts.Line> split = new ArrayList<>();
    for (String[] part : SPLIT) {
      double[][] p = MetricsLog.points(steps, MetricKeys.STEP, part[0]);
      if (p.length > 0) {
        split.add(new Charts.Line(part[1] + " (ms)", movingAverage(p, 10)));
      }
    }
    double[][] ips = MetricsLog.points(steps, MetricKeys.STEP, IMAGES_PER_S);
    if (split.isEmpty() || ips.length == 0) {
      return null;
    }
    return Charts.dualAxis(
        "Step time split and images/s (moving averages of 10 logged steps)",
        "step",
        "milliseconds per step",
        split,
        new Charts.Line("images/s", movingAverage(ips, 10)));
  }

  /** The medians of the time split and of images/s over the logged steps, when there are any. */
  private static Optional<RunFigures.Table> splitTable(List<JsonNode> steps) {
    List<String> header = new ArrayList<>(List.of("median over logged steps"));
    List<String> row = new ArrayList<>(List.of("value"));
    List<String[]> parts = new ArrayList<>(SPLIT);
    parts.add(new String[] {IMAGES_PER_S, "images/s"});
    for (String[] part : parts) {
      double[][] p = MetricsLog.points(steps, MetricKeys.STEP, part[0]);
      if (p.length > 0) {
        header.add(part[0].equals(IMAGES_PER_S) ? part[1] : part[1] + " (ms)");
        row.set(0, p.length + " steps");
        row.add(Html.format(median(p)));
      }
    }
    return header.size() == 1
        ? Optional.empty()
        : Optional.of(new RunFigures.Table(header, List.of(row)));
  }

  /** The median of the points' y values (at least one point). */
  static double median(double[][] points) {
    double[] y = new double[points.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = points[i][1];
    }
    java.util.Arrays.sort(y);
    int n = y.length;
    return n % 2 == 1 ? y[n / 2] : (y[n / 2 - 1] + y[n / 2]) / 2;
  }

  private static JFreeChart quantileChart(List<JsonNode> steps) {
    List<Charts.Line> lines = new ArrayList<>();
    for (String kind : List.of("pos", "neg")) {
      for (String q : List.of("q10", "q50", "q90")) {
        double[][] p = MetricsLog.points(steps, "step", kind + "_sim_" + q);
        if (p.length > 0) {
          lines.add(new Charts.Line((kind.equals("pos") ? "positive " : "negative ") + q, p));
        }
      }
    }
    return lines.isEmpty()
        ? null
        : Charts.lines(
            "Cosine similarity of positive and negative pairs (quantiles)",
            "step",
            "cosine similarity",
            lines);
  }

  private static JFreeChart histogramChart(List<JsonNode> lines) {
    List<Histogram> all = lines.stream().flatMap(n -> Histogram.of(n).stream()).toList();
    if (all.isEmpty()) {
      return null;
    }
    Histogram last = all.get(all.size() - 1);
    Optional<Histogram> first = all.size() > 1 ? Optional.of(all.get(0)) : Optional.empty();
    return Charts.histogram(
        "Positive vs negative pair similarity (" + last.space() + " space)", last, first);
  }

  /**
   * Epoch lines' points with x as the epochs trained (the zero-based {@code epoch} + 1), so that
   * the monitor after the first epoch stands at 1.
   */
  static double[][] epochsTrained(double[][] points) {
    double[][] out = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      out[i] = new double[] {points[i][0] + 1, points[i][1]};
    }
    return out;
  }

  /** Trailing mean over up to {@code window} points. */
  static double[][] movingAverage(double[][] points, int window) {
    double[][] out = new double[points.length][];
    double sum = 0;
    for (int i = 0; i < points.length; i++) {
      sum += points[i][1];
      if (i >= window) {
        sum -= points[i - window][1];
      }
      out[i] = new double[] {points[i][0], sum / Math.min(i + 1, window)};
    }
    return out;
  }

  /** Adds a titled chart, or a note when its data is missing. */
  private record Section(Html page, Path plots) {
    void chart(String heading, String file, JFreeChart chart, String missing) throws IOException {
      page.heading(2, heading);
      Path png = plots.resolve(file);
      if (chart == null) {
        Files.deleteIfExists(png);
        page.note("Not drawn: " + missing + ".");
        return;
      }
      page.image(Charts.writePng(chart, png), heading);
    }
  }
}
