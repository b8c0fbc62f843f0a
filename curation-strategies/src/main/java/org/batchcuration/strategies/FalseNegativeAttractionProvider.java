package org.batchcuration.strategies;

/** Provides {@code false-negative-attraction}: {@link FalseNegativeCurator}. */
public final class FalseNegativeAttractionProvider extends FalseNegativeProvider {
  public FalseNegativeAttractionProvider() {
    super(
        "false-negative-attraction",
        true,
        "False negative attraction (Huynh et al. 2022): likely false negatives become extra positives");
  }
}
