package org.batchcuration.api.diagnostics;

import java.util.Arrays;
import java.util.Objects;

/**
 * Counts of positive-pair and negative-pair cosine similarities in equal-width bins.
 *
 * <p>Bin {@code k} covers {@code [edges[k], edges[k+1])}; the last bin also holds {@code
 * edges[bins]}. Positives are the {@code B} pairs {@code (i, i + B)}; negatives are the unordered
 * pairs of distinct views that are not a positive pair ({@code B (2B - 2)} values). Immutable: the
 * accessors return copies.
 *
 * @param edges {@code bins + 1} increasing bin edges
 * @param positive {@code bins} counts of positive similarities
 * @param negative {@code bins} counts of negative similarities
 */
public record SimilarityHistogram(double[] edges, long[] positive, long[] negative) {

  public SimilarityHistogram {
    edges = Objects.requireNonNull(edges, "edges").clone();
    positive = Objects.requireNonNull(positive, "positive").clone();
    negative = Objects.requireNonNull(negative, "negative").clone();
    if (edges.length < 2) {
      throw new IllegalArgumentException("a histogram needs at least 2 edges, had " + edges.length);
    }
    for (int k = 1; k < edges.length; k++) {
      if (!(edges[k] > edges[k - 1])) {
        throw new IllegalArgumentException("edges must increase, edge " + k + " does not");
      }
    }
    if (positive.length != edges.length - 1 || negative.length != edges.length - 1) {
      throw new IllegalArgumentException(
          "counts must have edges - 1 = " + (edges.length - 1) + " entries");
    }
  }

  /** Number of bins. */
  public int bins() {
    return positive.length;
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public long[] positive() {
    return positive.clone();
  }

  @Override
  public long[] negative() {
    return negative.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SimilarityHistogram h
        && Arrays.equals(h.edges, edges)
        && Arrays.equals(h.positive, positive)
        && Arrays.equals(h.negative, negative);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        Arrays.hashCode(edges), Arrays.hashCode(positive), Arrays.hashCode(negative));
  }

  @Override
  public String toString() {
    return "SimilarityHistogram[bins="
        + bins()
        + ", positive="
        + Arrays.toString(positive)
        + ", negative="
        + Arrays.toString(negative)
        + "]";
  }
}
