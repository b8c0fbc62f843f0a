package org.batchcuration.strategies;

/** Provides {@code false-negative-elimination}: {@link FalseNegativeCurator}. */
public final class FalseNegativeEliminationProvider extends FalseNegativeProvider {
  public FalseNegativeEliminationProvider() {
    super(
        "false-negative-elimination",
        false,
        "False negative elimination (Huynh et al. 2022): likely false negatives leave the denominator");
  }
}
