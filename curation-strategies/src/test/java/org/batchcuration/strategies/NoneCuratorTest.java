package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.PluginContext;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class NoneCuratorTest extends BatchCuratorContractTest {
  @Override
  protected BatchCurator newCurator(long seed) {
    return new NoneCuratorProvider()
        .create(NoneCuratorProvider.Config.defaults(), PluginContext.of(seed, 8, 1));
  }

  @Test
  void keepsEverything() {
    var batch = SyntheticBatch.builder(8).allInconsistent().build();
    assertThat(newCurator(1).decide(batch)).isEqualTo(CurationDecision.keepAll(8));
  }
}
