package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.MetricKeys;
import org.batchcuration.runfolder.RunFiles;
import org.jfree.chart.JFreeChart;

/**
 * The report of one run: reads the run folder's {@code metrics.jsonl}, {@code result.json}, {@code
 * config.resolved.json} and {@code projection2d.json} (each may be absent), writes {@code
 * plots/*.png} and {@code report.html} (self-contained: inline style, images by relative path).
 * Every chart whose data is missing is left out with a note on the page, and a stale PNG of it is
 * deleted. All files are written atomically. Stateless; concurrent calls on the same folder are not
 * supported.
 */
public final class RunReport {
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
    page.figures(keyFigures(run));
    if (run.result().isEmpty()) {
      page.note("result.json is missing: the run has not finished, so there are no final figures.");
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
    double[][] knn = MetricsLog.points(epochs, MetricKeys.EPOCH, MetricKeys.KNN_TOP1);
    s.chart(
        "kNN accuracy",
        "knn_top1.png",
        knn.length == 0
            ? null
            : Charts.lines(
                "kNN top-1 accuracy per epoch (monitor)",
                "epoch",
                "kNN top-1",
                List.of(new Charts.Line("kNN top-1", knn))),
        "no kNN monitor in this run (epoch lines without knn_top1)");
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
    double[][] align = MetricsLog.points(epochs, "epoch", "alignment");
    double[][] uniform = MetricsLog.points(epochs, "epoch", "uniformity");
    s.chart(
        "Alignment and uniformity",
        "alignment_uniformity.png",
        align.length == 0 || uniform.length == 0
            ? null
            : Charts.dualAxis(
                "Alignment and uniformity per epoch (lower is better)",
                "epoch",
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
            .map(ReportInputs::flatten)
            .orElse(List.of(List.of(RunFiles.RESULT, "missing"))));
    page.heading(2, "Resolved configuration");
    if (run.config().isPresent()) {
      page.table(List.of("setting", "value"), ReportInputs.flatten(run.config().get()));
    } else {
      page.note("config.resolved.json is missing.");
    }
    Path html = runDir.resolve(RunFiles.REPORT);
    AtomicWrite.writeString(html, page.finish());
    return html;
  }

  private static List<String[]> keyFigures(ReportInputs run) {
    Optional<JsonNode> r = run.result();
    List<String[]> out = new ArrayList<>();
    out.add(figure("linear_top1", r, MetricKeys.LINEAR_TOP1));
    out.add(figure("knn_top1", r, MetricKeys.KNN_TOP1));
    out.add(figure("random_init_linear_top1", r, MetricKeys.RANDOM_INIT_LINEAR_TOP1));
    out.add(figure("random_init_knn_top1", r, MetricKeys.RANDOM_INIT_KNN_TOP1));
    out.add(figure("epochs", r, MetricKeys.EPOCHS));
    out.add(figure("steps", r, MetricKeys.STEPS));
    out.add(
        new String[] {
          "train time",
          r.flatMap(n -> MetricsLog.number(n, "train_seconds"))
              .map(v -> String.format(Locale.ROOT, "%.1f s", v))
              .orElse("n/a")
        });
    out.add(new String[] {"curator", run.curatorType().orElse("n/a")});
    out.add(
        new String[] {
          "status", r.map(n -> n.path(MetricKeys.STATUS).asText("n/a")).orElse("running")
        });
    return out;
  }

  private static String[] figure(String label, Optional<JsonNode> node, String key) {
    return new String[] {
      label, Html.format(node.flatMap(n -> MetricsLog.number(n, key)).orElse(null))
    };
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
      Charts.writePng(chart, png);
      page.image("plots/" + file, heading);
    }
  }
}
