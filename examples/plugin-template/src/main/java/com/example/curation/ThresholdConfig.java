package com.example.curation;

import org.batchcuration.api.Checks;
import org.batchcuration.api.Space;

/**
 * Config of the {@code template-threshold} curator ({@link ThresholdCurator}): the JSON object
 * under {@code "curator"}, bound field by field by the runner. The compact constructor validates
 * every field with {@link Checks}, so a bad value is refused with the field's name before any
 * training.
 *
 * @param minPositiveSimilarity pairs whose two views have a cosine similarity below this are acted
 *     on
 * @param space where the similarity is measured: {@code "projection"} or {@code "representation"}
 * @param action what happens to such a pair: {@code "drop"} or {@code "halve"}
 * @param warmupEpochs epochs of plain SimCLR before the curator acts
 * @param maxCuratedFraction at most this fraction of a batch's pairs is acted on (never all of
 *     them)
 */
public record ThresholdConfig(
    double minPositiveSimilarity,
    Space space,
    ThresholdAction action,
    int warmupEpochs,
    double maxCuratedFraction) {
  /** Validates every field; throws {@code InvalidConfigException} naming the first bad one. */
  public ThresholdConfig {
    Checks.inRange("minPositiveSimilarity", minPositiveSimilarity, -1.0, 1.0);
    Checks.present("space", space);
    Checks.present("action", action);
    Checks.atLeast("warmupEpochs", warmupEpochs, 0);
    Checks.fraction("maxCuratedFraction", maxCuratedFraction);
  }

  /** The defaults: what {@code {"type": "template-threshold"}} alone means. */
  public static ThresholdConfig defaults() {
    return new ThresholdConfig(0.2, Space.PROJECTION, ThresholdAction.DROP, 1, 0.1);
  }
}
