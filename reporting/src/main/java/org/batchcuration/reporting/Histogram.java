package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One {@code "kind":"histogram"} line of metrics.jsonl: bin edges ({@code bins + 1}) and the counts
 * of positive and negative pairs per bin.
 */
record Histogram(
    long step, int epoch, String space, double[] edges, double[] positive, double[] negative) {

  /** Parses a histogram line; empty when it is incomplete or its arrays disagree in length. */
  static Optional<Histogram> of(JsonNode n) {
    double[] edges = array(n.get("edges"));
    double[] pos = array(n.get("positive"));
    double[] neg = array(n.get("negative"));
    if (edges.length < 2 || pos.length != edges.length - 1 || neg.length != pos.length) {
      return Optional.empty();
    }
    return Optional.of(
        new Histogram(
            n.path("step").asLong(0),
            n.path("epoch").asInt(0),
            n.path("space").asText("projection"),
            edges,
            pos,
            neg));
  }

  /** Counts of one kind of pair divided by their total (all zeros when there are none). */
  double[] shares(boolean positivePairs) {
    double[] counts = positivePairs ? positive : negative;
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = total > 0 ? counts[i] / total : 0;
    }
    return out;
  }

  private static double[] array(JsonNode node) {
    if (node == null || !node.isArray()) {
      return new double[0];
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = node.get(i).asDouble();
    }
    return out;
  }
}
