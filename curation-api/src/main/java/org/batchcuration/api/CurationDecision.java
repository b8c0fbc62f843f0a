package org.batchcuration.api;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the loss treats one batch of {@code B} pairs ({@code 2B} views, view 1 rows first; the
 * positive of row {@code a} is {@code (a + B) mod 2B}):
 *
 * <ul>
 *   <li>a weight per pair ({@code 0} drops the pair: neither of its views is an anchor; {@code 1}
 *       is plain SimCLR; other values reweight both anchors of the pair);
 *   <li>optionally, a weight per (anchor, negative) over the {@code 2B x 2B} logits ({@code 0}
 *       removes that negative from the anchor's denominator; entries on the diagonal and at the
 *       anchor's own positive are ignored);
 *   <li>optionally, extra positives per anchor (the multi-positive form of supervised contrastive
 *       learning and false-negative attraction); an extra positive is also removed from the
 *       anchor's negatives;
 *   <li>optionally, a score per pair, higher meaning less consistent (for example a rank), that the
 *       diagnostics use to measure how well the curator ranks pairs (the AUROC of the score against
 *       the corruption testbed's ground truth); it has no effect on the loss;
 *   <li>named metrics for the logs (for example a batch's Fréchet distance).
 * </ul>
 *
 * <p>Immutable. Invariants checked on build: weights are finite and {@code >= 0}, and at least one
 * pair keeps a positive weight (a decision never drops the whole batch).
 */
public final class CurationDecision {
  private final int batchSize;
  private final float[] pairWeights;
  private final float[] negativeWeights;
  private final boolean[] extraPositives;
  private final float[] pairScores;
  private final Map<String, Double> metrics;

  private CurationDecision(Builder b) {
    this.batchSize = b.batchSize;
    this.pairWeights = b.pairWeights.clone();
    // the largest array (4B^2 floats) is handed over, not copied: the builder copies it before
    // its next write (copy on write), so the decision stays immutable
    this.negativeWeights = b.negativeWeights;
    b.negativeWeightsShared = b.negativeWeights != null;
    this.extraPositives = b.extraPositives == null ? null : b.extraPositives.clone();
    this.pairScores = b.pairScores == null ? null : b.pairScores.clone();
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
    double sum = 0;
    for (float w : pairWeights) {
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalStateException("a curation decision must keep at least one pair");
    }
  }

  /** Plain SimCLR: every pair with weight 1, every negative, no extra positives. */
  public static CurationDecision keepAll(int batchSize) {
    return builder(batchSize).build();
  }

  /**
   * A builder for a batch of {@code batchSize} pairs, starting from {@link #keepAll}: every pair
   * weighs 1, no negative weights, no extra positives, no scores, no metrics.
   *
   * @throws InvalidConfigException when {@code batchSize < 1}
   */
  public static Builder builder(int batchSize) {
    return new Builder(batchSize);
  }

  /** A builder starting from this decision. */
  public Builder toBuilder() {
    Builder b = new Builder(batchSize);
    System.arraycopy(pairWeights, 0, b.pairWeights, 0, batchSize);
    b.negativeWeights = negativeWeights == null ? null : negativeWeights.clone();
    b.extraPositives = extraPositives == null ? null : extraPositives.clone();
    b.pairScores = pairScores == null ? null : pairScores.clone();
    b.metrics.putAll(metrics);
    return b;
  }

  /** The number of pairs {@code B} the decision is for. */
  public int batchSize() {
    return batchSize;
  }

  /** The weight of pair {@code pair} ({@code 0 <= pair < B}): 0 dropped, 1 plain SimCLR. */
  public float pairWeight(int pair) {
    return pairWeights[pair];
  }

  /** A copy of the {@code B} pair weights. */
  public float[] pairWeights() {
    return pairWeights.clone();
  }

  /** Pairs with a weight above zero. */
  public int keptPairs() {
    int n = 0;
    for (float w : pairWeights) {
      if (w > 0) {
        n++;
      }
    }
    return n;
  }

  /** Pairs whose weight is not exactly 1 (dropped or reweighted). */
  public int curatedPairs() {
    int n = 0;
    for (float w : pairWeights) {
      if (w != 1f) {
        n++;
      }
    }
    return n;
  }

  /** Whether any negative weight was set. */
  public boolean hasNegativeWeights() {
    return negativeWeights != null;
  }

  /** The weight of {@code negative} in {@code anchor}'s denominator (1 when unset). */
  public float negativeWeight(int anchor, int negative) {
    return negativeWeights == null ? 1f : negativeWeights[anchor * 2 * batchSize + negative];
  }

  /** A copy of the {@code 2B x 2B} negative weights, row-major, when set. */
  public Optional<float[]> negativeWeights() {
    return Optional.ofNullable(negativeWeights).map(float[]::clone);
  }

  /** Number of (anchor, negative) entries with weight 0 (removed negatives). */
  public int removedNegatives() {
    if (negativeWeights == null) {
      return 0;
    }
    int n2 = 2 * batchSize;
    int n = 0;
    for (int a = 0; a < n2; a++) {
      int row = a * n2;
      // every zero of the row, then the two entries that are not negatives taken back out
      for (int c = 0; c < n2; c++) {
        n += negativeWeights[row + c] == 0f ? 1 : 0;
      }
      n -= negativeWeights[row + a] == 0f ? 1 : 0;
      n -= negativeWeights[row + (a + batchSize) % n2] == 0f ? 1 : 0;
    }
    return n;
  }

  /** Whether any extra positive was added ({@link Builder#addPositive}). */
  public boolean hasExtraPositives() {
    return extraPositives != null;
  }

  /**
   * Whether view {@code other} is an extra positive of view {@code anchor} (both in {@code [0,
   * 2B)}); false when none was added.
   */
  public boolean isExtraPositive(int anchor, int other) {
    return extraPositives != null && extraPositives[anchor * 2 * batchSize + other];
  }

  /** A copy of the {@code 2B x 2B} extra-positive mask, row-major, when set. */
  public Optional<boolean[]> extraPositives() {
    return Optional.ofNullable(extraPositives).map(boolean[]::clone);
  }

  /**
   * The curator's score of each pair, higher meaning less consistent, when it published one: a copy
   * of {@code B} finite values. Diagnostics only; the loss ignores it.
   */
  public Optional<float[]> pairScores() {
    return Optional.ofNullable(pairScores).map(float[]::clone);
  }

  /** Curator-specific diagnostics, logged with the step. */
  public Map<String, Double> metrics() {
    return metrics;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CurationDecision d
        && d.batchSize == batchSize
        && Arrays.equals(d.pairWeights, pairWeights)
        && Arrays.equals(d.negativeWeights, negativeWeights)
        && Arrays.equals(d.extraPositives, extraPositives)
        && Arrays.equals(d.pairScores, pairScores)
        && d.metrics.equals(metrics);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        batchSize,
        Arrays.hashCode(pairWeights),
        Arrays.hashCode(negativeWeights),
        Arrays.hashCode(extraPositives),
        metrics);
  }

  @Override
  public String toString() {
    return "CurationDecision[B="
        + batchSize
        + ", kept="
        + keptPairs()
        + ", curated="
        + curatedPairs()
        + ", removedNegatives="
        + removedNegatives()
        + ", extraPositives="
        + (extraPositives != null)
        + "]";
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private final int batchSize;
    private final float[] pairWeights;
    private float[] negativeWeights;
    private boolean negativeWeightsShared;
    private boolean[] extraPositives;
    private float[] pairScores;
    private final Map<String, Double> metrics = new LinkedHashMap<>();

    private Builder(int batchSize) {
      this.batchSize = Checks.atLeast("batchSize", batchSize, 1);
      this.pairWeights = new float[batchSize];
      Arrays.fill(pairWeights, 1f);
    }

    /**
     * Sets the weight of pair {@code pair} ({@code 0 <= pair < B}); 0 drops it. A decision must
     * keep at least one pair: {@link #build} refuses one that drops every pair.
     *
     * @throws IndexOutOfBoundsException when {@code pair} is outside {@code [0, B)}
     * @throws IllegalArgumentException when {@code weight} is negative, infinite or NaN
     */
    public Builder pairWeight(int pair, float weight) {
      pairWeights[Objects.checkIndex(pair, batchSize)] = checkWeight(weight);
      return this;
    }

    /** {@code pairWeight(pair, 0)}: neither view of the pair is an anchor. */
    public Builder dropPair(int pair) {
      return pairWeight(pair, 0f);
    }

    /**
     * Sets the weight of view {@code negative} in the denominator of view {@code anchor} (both in
     * {@code [0, 2B)}); 0 removes that negative. Entries on the diagonal and at the anchor's own
     * positive are stored but not read by losses.
     *
     * @throws IndexOutOfBoundsException when an index is outside {@code [0, 2B)}
     * @throws IllegalArgumentException when {@code weight} is negative, infinite or NaN
     */
    public Builder negativeWeight(int anchor, int negative, float weight) {
      int n2 = 2 * batchSize;
      Objects.checkIndex(anchor, n2);
      Objects.checkIndex(negative, n2);
      if (negativeWeights == null) {
        negativeWeights = new float[n2 * n2];
        Arrays.fill(negativeWeights, 1f);
      } else if (negativeWeightsShared) {
        negativeWeights = negativeWeights.clone();
        negativeWeightsShared = false;
      }
      negativeWeights[anchor * n2 + negative] = checkWeight(weight);
      return this;
    }

    /**
     * Sets every negative weight at once from a row-major {@code 2B x 2B} array ({@code weights[a *
     * 2B + c]} weighs negative {@code c} of anchor {@code a}), as {@link #negativeWeight} would one
     * by one: the diagonal and positive entries are stored but not read by losses. The array is
     * copied. For curators that weigh every pair, where one call per entry costs more than the
     * weights.
     */
    public Builder negativeWeights(float[] weights) {
      Objects.requireNonNull(weights, "weights");
      int n2 = 2 * batchSize;
      if (weights.length != n2 * n2) {
        throw new IllegalArgumentException(
            "negativeWeights has "
                + weights.length
                + " entries, a batch of "
                + batchSize
                + " pairs needs (2B)^2 = "
                + n2 * n2);
      }
      for (float w : weights) {
        checkWeight(w);
      }
      negativeWeights = weights.clone();
      negativeWeightsShared = false;
      return this;
    }

    /** {@code negativeWeight(anchor, negative, 0)}: removes a negative from the anchor's row. */
    public Builder removeNegative(int anchor, int negative) {
      return negativeWeight(anchor, negative, 0f);
    }

    /** Marks {@code other} as an additional positive of {@code anchor}. */
    public Builder addPositive(int anchor, int other) {
      int n2 = 2 * batchSize;
      Objects.checkIndex(anchor, n2);
      Objects.checkIndex(other, n2);
      if (anchor == other) {
        throw new IllegalArgumentException("a view cannot be its own positive: " + anchor);
      }
      if (extraPositives == null) {
        extraPositives = new boolean[n2 * n2];
      }
      extraPositives[anchor * n2 + other] = true;
      return this;
    }

    /**
     * Publishes a score per pair, higher meaning less consistent ({@code B} finite values), for the
     * diagnostics.
     */
    public Builder pairScores(float[] scores) {
      Objects.requireNonNull(scores, "scores");
      if (scores.length != batchSize) {
        throw new IllegalArgumentException(
            "pairScores has " + scores.length + " entries, the batch has " + batchSize);
      }
      for (float v : scores) {
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("pair scores must be finite, was " + v);
        }
      }
      pairScores = scores.clone();
      return this;
    }

    /**
     * Records a named metric for the logs ({@code metrics.jsonl}); a second value for the same name
     * replaces the first. No effect on the loss.
     */
    public Builder metric(String name, double value) {
      metrics.put(Objects.requireNonNull(name, "name"), value);
      return this;
    }

    /**
     * The immutable decision; the builder stays usable (later writes do not change it).
     *
     * @throws IllegalStateException when no pair keeps a positive weight (never drop every pair)
     */
    public CurationDecision build() {
      return new CurationDecision(this);
    }

    private static float checkWeight(float w) {
      if (!(w >= 0) || Float.isInfinite(w)) {
        throw new IllegalArgumentException("weights must be finite and >= 0, was " + w);
      }
      return w;
    }
  }
}
