package org.batchcuration.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.batchcuration.api.DataException;
import org.batchcuration.runfolder.MetricKeys;
import org.batchcuration.runfolder.RunJson;

/**
 * The lines of a run's {@code metrics.jsonl}, grouped by {@code "kind"} ({@code step}, {@code
 * epoch}, {@code histogram}; other kinds are ignored). A final line without a newline that does not
 * parse (a run killed while writing) is dropped; any other bad line is a {@link DataException}
 * naming the file and line. Immutable after reading.
 */
record MetricsLog(List<JsonNode> steps, List<JsonNode> epochs, List<JsonNode> histograms) {
  MetricsLog {
    steps = List.copyOf(steps);
    epochs = List.copyOf(epochs);
    histograms = List.copyOf(histograms);
  }

  static MetricsLog empty() {
    return new MetricsLog(List.of(), List.of(), List.of());
  }

  /** Reads {@code file}; an absent file gives an empty log. */
  static MetricsLog read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String[] lines = text.split("\n", -1);
    List<JsonNode> steps = new ArrayList<>();
    List<JsonNode> epochs = new ArrayList<>();
    List<JsonNode> histograms = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = RunJson.mapper().readTree(line);
      } catch (JsonProcessingException e) {
        if (i == lines.length - 1) {
          break; // an unfinished last line
        }
        throw new DataException(
            file + ": line " + (i + 1) + ": not a JSON object: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new DataException(file + ": line " + (i + 1) + ": not a JSON object");
      }
      switch (node.path(MetricKeys.KIND).asText("")) {
        case MetricKeys.STEP -> steps.add(node);
        case MetricKeys.EPOCH -> epochs.add(node);
        case MetricKeys.HISTOGRAM -> histograms.add(node);
        default -> {
          // other kinds (events written by newer versions) are not charted
        }
      }
    }
    return new MetricsLog(steps, epochs, histograms);
  }

  /** (x, y) of every line in {@code lines} that has numeric {@code xKey} and {@code yKey}. */
  static double[][] points(List<JsonNode> lines, String xKey, String yKey) {
    List<double[]> out = new ArrayList<>();
    for (JsonNode n : lines) {
      Optional<Double> x = number(n, xKey);
      Optional<Double> y = number(n, yKey);
      if (x.isPresent() && y.isPresent()) {
        out.add(new double[] {x.get(), y.get()});
      }
    }
    return out.toArray(double[][]::new);
  }

  /** The finite number at {@code key}, if any. */
  static Optional<Double> number(JsonNode node, String key) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
      return Optional.empty();
    }
    return Optional.of(v.asDouble());
  }
}
