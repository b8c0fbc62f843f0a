package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchcuration.runfolder.RunFiles;

/** Prints the headline figures of a {@code result.json} as a table. */
final class Results {
  private static final List<String> KEYS =
      List.of(
          "linear_top1",
          "knn_top1",
          "random_init_linear_top1",
          "random_init_knn_top1",
          "pixels_linear_top1",
          "pixels_knn_top1",
          "epochs",
          "steps",
          "train_seconds",
          "status");

  private Results() {}

  static void print(PrintWriter out, Path runDir, Map<String, Object> result) {
    Table t = new Table("METRIC", "VALUE");
    for (String k : KEYS) {
      Object v = result.get(k);
      if (v != null) {
        t.row(k, v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v.toString());
      }
    }
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
    t.print(out);
    out.println("run folder: " + runDir.toAbsolutePath());
    Path report = runDir.resolve(RunFiles.REPORT);
    if (Files.exists(report)) {
      out.println("report: " + report.toAbsolutePath());
    }
  }
}
