package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunJson;

/**
 * The built-in sink that writes {@code metrics.csv}: one row per {@code step} line of the run, with
 * the columns {@code epoch}, {@code step} and then the union of the step keys in the order they
 * were first seen; a value a step did not report is an empty cell. The file is written atomically
 * once, when the run completes, so it is always whole: a cancelled or failed run has none (or keeps
 * the one of an earlier completion). A resumed session starts from the step lines that {@code
 * metrics.jsonl} already holds (truncated to the checkpoint), so the file covers the whole run.
 * {@code metrics.jsonl} stays the source of truth. Not thread-safe: the training thread owns it.
 */
public final class CsvMetricsSink implements MetricsSink {
  private final List<Row> rows = new ArrayList<>();
  private Path runDir;

  private record Row(int epoch, long step, Map<String, Double> values) {}

  @Override
  public void onStart(Path runDir, boolean resumed) {
    this.runDir = Objects.requireNonNull(runDir, "runDir");
    rows.clear();
    if (resumed) {
      readSteps(runDir.resolve(RunFiles.METRICS));
    }
  }

  @Override
  public void onStep(int epoch, long step, Map<String, Double> values) {
    rows.add(new Row(epoch, step, new LinkedHashMap<>(values)));
  }

  @Override
  public void onResult(Map<String, Object> result) {
    if (runDir == null) {
      throw new IllegalStateException("onResult before onStart");
    }
    AtomicWrite.writeString(runDir.resolve(RunFiles.METRICS_CSV), csv());
  }

  /** The file's text: a header line, then one line per step, "\n"-terminated. */
  String csv() {
    Set<String> keys = new LinkedHashSet<>();
    rows.forEach(r -> keys.addAll(r.values().keySet()));
    StringBuilder out = new StringBuilder("epoch,step");
    keys.forEach(k -> out.append(',').append(cell(k)));
    out.append('\n');
    for (Row r : rows) {
      out.append(r.epoch()).append(',').append(r.step());
      for (String k : keys) {
        out.append(',');
        Double v = r.values().get(k);
        if (v != null) {
          out.append(v);
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private void readSteps(Path metrics) {
    if (!Files.exists(metrics)) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + metrics + ": " + e.getMessage(), e);
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, Object> m = RunJson.readMap(line);
      if (!"step".equals(m.get("kind"))) {
        continue;
      }
      Map<String, Double> values = new LinkedHashMap<>();
      m.forEach(
          (k, v) -> {
            if (!k.equals("kind")
                && !k.equals("epoch")
                && !k.equals("step")
                && v instanceof Number n) {
              values.put(k, n.doubleValue());
            }
          });
      rows.add(
          new Row(
              ((Number) m.get("epoch")).intValue(), ((Number) m.get("step")).longValue(), values));
    }
  }

  /** A header cell: quoted when it holds a comma, a quote or a line break (RFC 4180). */
  private static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
