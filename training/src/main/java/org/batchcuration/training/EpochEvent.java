package org.batchcuration.training;

import java.util.Map;
import java.util.Objects;

/**
 * One finished epoch.
 *
 * @param epoch zero-based epoch
 * @param step global steps done at its end
 * @param meanLoss mean finite loss over its steps (NaN when none was finite)
 * @param stats the values of the epoch's metrics line (without kind, epoch, step)
 */
public record EpochEvent(int epoch, long step, double meanLoss, Map<String, Double> stats) {
  public EpochEvent {
    stats = Map.copyOf(Objects.requireNonNull(stats, "stats"));
  }
}
