package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchcuration.runfolder.RunFiles;

/**
 * Prints the headline figures of a {@code result.json} as a table: the scores and their reference
 * rows, the gains over pixels and random init, the curated fraction (the run's mean share of the
 * batch the curator changed), with the corruption testbed the detection figures (precision, recall
 * and AUROC of the pairs the curator flagged; {@code n/a} where no step defined them, e.g. the
 * AUROC of a curator that publishes no pair score), then epochs, steps, time and status.
 */
final class Results {
  private static final List<String> SCORES =
      List.of(
          "linear_top1",
          "knn_top1",
          "random_init_linear_top1",
          "random_init_knn_top1",
          "pixels_linear_top1",
          "pixels_knn_top1");

  private static final List<String> RUN = List.of("epochs", "steps", "train_seconds", "status");

  private static final List<String> DETECTION = List.of("precision", "recall", "auroc");

  private Results() {}

  static void print(PrintWriter out, Path runDir, Map<String, Object> result) {
    Table t = new Table("METRIC", "VALUE");
    rows(t, result, SCORES);
    for (String base : List.of("pixels", "random_init")) {
      for (String metric : List.of("linear_top1", "knn_top1")) {
        if (result.get(metric) instanceof Number a
            && result.get(base + "_" + metric) instanceof Number b) {
          t.row(
              metric.replace("_top1", "") + "_gain_over_" + base,
              String.format(Locale.ROOT, "%+.4f", a.doubleValue() - b.doubleValue()));
        }
      }
    }
    if (result.get("curation") instanceof Map<?, ?> curation
        && curation.containsKey("curated_fraction_mean")) {
      t.row("curated_fraction", text(curation.get("curated_fraction_mean")));
    }
    if (result.get("corruption") instanceof Map<?, ?> corruption) {
      for (String k : DETECTION) {
        t.row("corruption_" + k, text(corruption.get(k)));
      }
    }
    rows(t, result, RUN);
    t.print(out);
    out.println("run folder: " + runDir.toAbsolutePath());
    Path report = runDir.resolve(RunFiles.REPORT);
    if (Files.exists(report)) {
      out.println("report: " + report.toAbsolutePath());
    }
  }

  private static void rows(Table t, Map<String, Object> result, List<String> keys) {
    for (String k : keys) {
      Object v = result.get(k);
      if (v != null) {
        t.row(k, text(v));
      }
    }
  }

  /** Fractions with 4 decimals, other values as they are, absent ones {@code n/a}. */
  private static String text(Object v) {
    if (v == null) {
      return "n/a";
    }
    return v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v.toString();
  }
}
