package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The {@code oracle} acts on exactly the planted pairs, under the warm-up and cap rules. */
class OracleCuratorTest {
  private static final int B = 10;
  private static final boolean[] PLANTED = {
    false, true, false, false, true, true, false, false, false, true
  };

  private static CurationBatch batch(int epoch) {
    return SyntheticBatch.builder(B).seed(3).epoch(epoch).build();
  }

  private static OracleCurator oracle(OracleConfig.Action action, double weight, double cap) {
    return new OracleCurator(new OracleConfig(action, weight, 1, cap));
  }

  @Test
  void dropsExactlyThePlantedPairsAndScoresThemOne() {
    CurationDecision d =
        oracle(OracleConfig.Action.DROP, 0.5, 1.0).decide(batch(1), PLANTED.clone());
    for (int i = 0; i < B; i++) {
      assertThat(d.pairWeight(i)).as("weight of pair " + i).isEqualTo(PLANTED[i] ? 0f : 1f);
      assertThat(d.pairScores().orElseThrow()[i]).isEqualTo(PLANTED[i] ? 1f : 0f);
    }
    assertThat(d.curatedPairs()).isEqualTo(4);
    assertThat(d.hasNegativeWeights()).isFalse();
    assertThat(d.metrics()).containsEntry("corrupted_pairs", 4.0).containsEntry("cap_bound", 0.0);
  }

  @Test
  void reweightsThePlantedPairs() {
    CurationDecision d =
        oracle(OracleConfig.Action.REWEIGHT, 0.25, 1.0).decide(batch(2), PLANTED.clone());
    for (int i = 0; i < B; i++) {
      assertThat(d.pairWeight(i)).as("weight of pair " + i).isEqualTo(PLANTED[i] ? 0.25f : 1f);
    }
  }

  @Test
  void theCapTakesThePlantedPairsInBatchOrder() {
    // floor(0.25 x 10) = 2: pairs 1 and 4 of the planted 1, 4, 5, 9
    CurationDecision d =
        oracle(OracleConfig.Action.DROP, 0.5, 0.25).decide(batch(1), PLANTED.clone());
    assertThat(d.pairWeights()).containsExactly(1f, 0f, 1f, 1f, 0f, 1f, 1f, 1f, 1f, 1f);
    assertThat(d.metrics()).containsEntry("cap_bound", 1.0);
    // the scores still name every planted pair
    assertThat(d.pairScores().orElseThrow()[9]).isEqualTo(1f);
  }

  @Test
  void neverDropsTheLastPair() {
    boolean[] all = new boolean[B];
    java.util.Arrays.fill(all, true);
    CurationDecision d = oracle(OracleConfig.Action.DROP, 0.5, 1.0).decide(batch(1), all);
    assertThat(d.keptPairs()).isEqualTo(1);
    assertThat(d.pairWeight(B - 1)).isEqualTo(1f);
  }

  @Test
  void plainSimClrDuringWarmUp() {
    CurationDecision d =
        oracle(OracleConfig.Action.DROP, 0.5, 1.0).decide(batch(0), PLANTED.clone());
    assertThat(d).isEqualTo(CurationDecision.keepAll(B));
  }

  @Test
  void refusesToDecideWithoutTheGroundTruth() {
    OracleCurator o = oracle(OracleConfig.Action.DROP, 0.5, 1.0);
    assertThatThrownBy(() -> o.decide(batch(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "OracleCurator needs the corruption testbed's ground truth: call decide(batch,"
                + " corrupted)");
    assertThatThrownBy(() -> o.decide(batch(1), new boolean[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ground truth has 3 entries, the batch 10 pairs");
  }

  @Test
  void configChecks() {
    assertThatThrownBy(() -> new OracleConfig(OracleConfig.Action.REWEIGHT, 1.5, 1, 1.0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("weight");
    assertThatThrownBy(() -> new OracleConfig(OracleConfig.Action.DROP, 0.5, -1, 1.0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("warmupEpochs");
    assertThat(OracleConfig.defaults())
        .isEqualTo(new OracleConfig(OracleConfig.Action.DROP, 0.5, 1, 1.0));
  }

  @Test
  void aRandomControlCannotShadowTheOracle() {
    assertThatThrownBy(
            () ->
                new RandomConfig(
                    0.0, RandomConfig.Action.AUTO, Map.of("type", "oracle"), 0.5, 2.0, 1, 1, 1.0))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("shadow.type")
        .hasMessageContaining(
            "cannot be \"oracle\": only the trainer hands the testbed's ground truth, to the"
                + " top-level curator");
  }

  @Test
  void theProviderCreatesAnOracle() {
    OracleCuratorProvider p = new OracleCuratorProvider();
    assertThat(p.create(p.defaultConfig(), PluginContext.of(1, B, 2)))
        .isInstanceOf(OracleCurator.class);
    OracleConfig late = new OracleConfig(OracleConfig.Action.DROP, 0.5, 3, 1.0);
    assertThat(p.firstActiveEpoch(late)).isEqualTo(3);
    assertThat(p.publishesPairScores(late)).isTrue();
  }

  /** The provider keeps the provider contract. */
  @Nested
  class Provider extends PluginProviderContractTest {
    @Override
    protected PluginProvider<?, ?> provider() {
      return new OracleCuratorProvider();
    }
  }
}
