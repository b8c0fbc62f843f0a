package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean" by edit distance: distances against hand counts, limits, ties and prefixes. */
class ConfigValuesClosestTest {
  @Test
  void distanceMatchesHandCounts() {
    assertThat(ConfigValues.distance("", "abc")).isEqualTo(3);
    assertThat(ConfigValues.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ConfigValues.distance("trian", "train")).isEqualTo(1); // one transposition
    assertThat(ConfigValues.distance("epoch", "epochs")).isEqualTo(1);
    assertThat(ConfigValues.distance("speed", "space")).isEqualTo(3);
  }

  @Test
  void theNearestKnownNameWithinTheLimitIsSuggested() {
    List<String> keys = List.of("seed", "train", "eval", "data");
    assertThat(ConfigValues.closest("trian", keys)).contains("train");
    assertThat(ConfigValues.closest("TRAIN", keys)).contains("train");
    assertThat(ConfigValues.closest("sed", keys)).contains("seed");
    assertThat(ConfigValues.closest("optimizer", keys)).isEmpty();
    assertThat(ConfigValues.closest("train", keys)).isEmpty();
    assertThat(ConfigValues.closest("batch-curaton", List.of("batch-curation", "random")))
        .contains("batch-curation");
  }

  @Test
  void aLongEnoughPrefixSuggestsTheShortestNameItBegins() {
    List<String> fields = List.of("thresholdScale", "threshold", "space");
    assertThat(ConfigValues.closest("thresh", fields)).contains("threshold");
    assertThat(ConfigValues.closest("thr", List.of("threshold"))).isEmpty();
  }

  @Test
  void tiesGoToTheFirstKnownName() {
    assertThat(ConfigValues.closest("ab", List.of("ax", "xb"))).contains("ax");
    assertThat(ConfigValues.didYouMean("trian", List.of("train")))
        .isEqualTo(" (did you mean \"train\"?)");
    assertThat(ConfigValues.didYouMean("zzzz", List.of("train"))).isEmpty();
  }
}
