package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.batchcuration.runfolder.MetricKeys;

/**
 * The headline figures of a run's {@code result.json}: the key figures at the top of its report
 * (linear and kNN top-1 each with its gain over a randomly initialised encoder and over the raw
 * pixels, when the run scored those) and the table of those gains. Every number is rounded ({@link
 * Html#format}, {@link Html#signed}). Stateless.
 */
final class RunFigures {
  /** The references a representation is compared with: a {@code result.json} key prefix each. */
  private static final List<String[]> REFERENCES =
      List.of(new String[] {"random_init_", "random init"}, new String[] {"pixels_", "pixels"});

  private static final List<String[]> SCORES =
      List.of(
          new String[] {MetricKeys.LINEAR_TOP1, "linear probe top-1"},
          new String[] {MetricKeys.KNN_TOP1, "kNN top-1"});

  private RunFigures() {}

  /**
   * The key figures: scores with their gains, epochs, steps, train time, curator, status ({@code
   * finished} for a result still {@code evaluated}: the run writes its report just before it marks
   * itself completed).
   */
  static List<Html.Figure> keyFigures(Optional<JsonNode> result, Optional<String> curator) {
    List<Html.Figure> out = new ArrayList<>();
    for (String[] score : SCORES) {
      List<String> gains = new ArrayList<>();
      for (String[] ref : REFERENCES) {
        gain(result, score[0], ref[0])
            .ifPresent(g -> gains.add(Html.signed(g) + " over " + ref[1]));
      }
      out.add(new Html.Figure(score[0], number(result, score[0]), String.join(", ", gains)));
    }
    out.add(new Html.Figure(MetricKeys.EPOCHS, number(result, MetricKeys.EPOCHS)));
    out.add(new Html.Figure(MetricKeys.STEPS, number(result, MetricKeys.STEPS)));
    out.add(
        new Html.Figure(
            "train time",
            result
                .flatMap(n -> MetricsLog.number(n, "train_seconds"))
                .map(v -> String.format(Locale.ROOT, "%.1f s", v))
                .orElse("n/a")));
    out.add(new Html.Figure("curator", curator.orElse("n/a")));
    String status = result.map(n -> n.path(MetricKeys.STATUS).asText("n/a")).orElse("running");
    // a run writes its report between result.json's "evaluated" and its last write, "completed"
    out.add(
        status.equals(MetricKeys.EVALUATED)
            ? new Html.Figure("status", "finished", "trained and evaluated")
            : new Html.Figure("status", status));
    return out;
  }

  /**
   * The rows {@code score | this run | <reference> | gain over <reference> | ...} for the linear
   * probe and kNN, with a column pair per reference the run scored; empty when it scored none.
   */
  static Optional<Table> gains(Optional<JsonNode> result) {
    List<String[]> refs =
        REFERENCES.stream()
            .filter(ref -> SCORES.stream().anyMatch(s -> gain(result, s[0], ref[0]).isPresent()))
            .toList();
    if (refs.isEmpty()) {
      return Optional.empty();
    }
    List<String> header = new ArrayList<>(List.of("score", "this run"));
    for (String[] ref : refs) {
      header.add(ref[1]);
      header.add("gain over " + ref[1]);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String[] score : SCORES) {
      List<String> row = new ArrayList<>(List.of(score[1], number(result, score[0])));
      for (String[] ref : refs) {
        row.add(number(result, ref[0] + score[0]));
        row.add(Html.signed(gain(result, score[0], ref[0]).orElse(null)));
      }
      rows.add(row);
    }
    return Optional.of(new Table(header, rows));
  }

  /** A table's header and rows. */
  record Table(List<String> header, List<List<String>> rows) {}

  private static Optional<Double> gain(Optional<JsonNode> result, String key, String prefix) {
    Optional<Double> a = result.flatMap(n -> MetricsLog.number(n, key));
    Optional<Double> b = result.flatMap(n -> MetricsLog.number(n, prefix + key));
    return a.isPresent() && b.isPresent() ? Optional.of(a.get() - b.get()) : Optional.empty();
  }

  private static String number(Optional<JsonNode> result, String key) {
    return Html.format(result.flatMap(n -> MetricsLog.number(n, key)).orElse(null));
  }
}
