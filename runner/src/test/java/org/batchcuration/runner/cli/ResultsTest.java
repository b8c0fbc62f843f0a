package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTest {
  private static String print(Map<String, Object> result) {
    StringWriter s = new StringWriter();
    Results.print(new PrintWriter(s, true), Path.of("runs/x"), result);
    return s.toString();
  }

  private static Map<String, Object> result() {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("linear_top1", 0.8291);
    r.put("knn_top1", 0.7342);
    r.put("random_init_linear_top1", 0.7012);
    r.put("pixels_linear_top1", 0.8012);
    r.put("epochs", 5);
    r.put("steps", 230);
    r.put("train_seconds", 177.537726881);
    r.put("curation", Map.of("curated_fraction_mean", 0.1234567, "previews_total", 0));
    r.put("status", "completed");
    return r;
  }

  @Test
  void theTableHasTheGainsAndTheCuratedFraction() {
    assertThat(print(result()).lines())
        .containsExactly(
            "METRIC                        VALUE",
            "linear_top1                   0.8291",
            "knn_top1                      0.7342",
            "random_init_linear_top1       0.7012",
            "pixels_linear_top1            0.8012",
            "linear_gain_over_pixels       +0.0279",
            "linear_gain_over_random_init  +0.1279",
            "curated_fraction              0.1235",
            "epochs                        5",
            "steps                         230",
            "train_seconds                 177.5377",
            "status                        completed",
            "run folder: " + Path.of("runs/x").toAbsolutePath());
  }

  @Test
  void withTheCorruptionTestbedTheDetectionFiguresFollow() {
    Map<String, Object> r = result();
    Map<String, Object> corruption = new HashMap<>();
    corruption.put("fraction", 0.2);
    corruption.put("precision", 0.7);
    corruption.put("recall", 0.875);
    corruption.put("auroc", null); // a curator that publishes no pair score
    r.put("corruption", corruption);
    assertThat(print(r))
        .contains(
            "curated_fraction              0.1235\n"
                + "corruption_precision          0.7000\n"
                + "corruption_recall             0.8750\n"
                + "corruption_auroc              n/a\n"
                + "epochs ");
  }
}
