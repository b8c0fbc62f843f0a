package org.batchcuration.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunJson;

/** The figures of one bench run, by dotted key (e.g. {@code step.images_per_s}), with notes. */
public final class BenchResult {
  private final Map<String, Double> figures = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final Map<String, String> environment = new LinkedHashMap<>();

  public void put(String key, double value, String unit) {
    if (Double.isFinite(value)) {
      figures.put(key, value);
      units.put(key, unit);
    }
  }

  public void note(String text) {
    notes.add(text);
  }

  public void environment(String key, String value) {
    environment.put(key, value);
  }

  public Map<String, Double> figures() {
    return Map.copyOf(figures);
  }

  public double get(String key) {
    Double v = figures.get(key);
    return v == null ? Double.NaN : v;
  }

  /** A two-column table of every figure, then the notes. */
  public void printTable(PrintStream out) {
    int width = figures.keySet().stream().mapToInt(String::length).max().orElse(10);
    out.printf(Locale.ROOT, "%-" + width + "s  %14s  %s%n", "figure", "value", "unit");
    out.println("-".repeat(width + 24));
    for (Map.Entry<String, Double> e : figures.entrySet()) {
      out.printf(
          Locale.ROOT,
          "%-" + width + "s  %14s  %s%n",
          e.getKey(),
          format(e.getValue()),
          units.get(e.getKey()));
    }
    for (String n : notes) {
      out.println("note: " + n);
    }
  }

  /** Writes the figures as JSON, atomically (the run folders' atomic write). */
  public void writeJson(Path file) throws IOException {
    ObjectNode root = RunJson.mapper().createObjectNode();
    figures.forEach(root::put);
    ObjectNode u = root.putObject("units");
    units.forEach(u::put);
    root.putPOJO("notes", notes);
    root.putPOJO("environment", environment);
    AtomicWrite.writeString(file, RunJson.pretty(root));
  }

  static String format(double v) {
    if (Math.abs(v) >= 1000 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
