package org.batchcuration.strategies;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ConfigValues;

/**
 * Config of the {@code oracle} control curator ({@link OracleCurator}), valid only with the
 * corruption testbed.
 *
 * @param action {@code "drop"} (the corrupted pairs leave the loss) or {@code "reweight"} (they get
 *     {@code weight})
 * @param weight {@code reweight}: the weight of a corrupted pair, in [0, 1]
 * @param warmupEpochs epochs of plain SimCLR before curation starts (the other curators' rule)
 * @param maxCuratedFraction at most this fraction of a batch's pairs is curated per step (default
 *     1.0: every corrupted pair; a drop still never takes the last pair)
 */
public record OracleConfig(
    Action action, double weight, int warmupEpochs, double maxCuratedFraction) {

  public OracleConfig {
    Checks.present("action", action);
    Checks.fraction("weight", weight);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  public static OracleConfig defaults() {
    return new OracleConfig(Action.DROP, 0.5, 1, 1.0);
  }

  /** What the oracle does with the corrupted pairs: {@code "drop"} or {@code "reweight"}. */
  public enum Action {
    /** The corrupted pairs leave the loss. */
    DROP,
    /** The corrupted pairs get the config's weight. */
    REWEIGHT;

    @Override
    public String toString() {
      return ConfigValues.name(this);
    }
  }
}
