package com.example.curation;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.Space;
import org.batchcuration.testkit.PluginProviderContractTest;
import org.junit.jupiter.api.Test;

/**
 * The provider contract (a valid name, {@code defaults()} equal to the default config, listed in
 * {@code META-INF/services}, creates a curator from its defaults) from the test kit.
 */
class ThresholdProviderTest extends PluginProviderContractTest {
  @Override
  protected PluginProvider<?, ?> provider() {
    return new ThresholdProvider();
  }

  @Test
  void declaresItsWarmupAndItsScores() {
    ThresholdConfig config =
        new ThresholdConfig(0.2, Space.PROJECTION, ThresholdAction.DROP, 3, 0.1);
    assertThat(new ThresholdProvider().firstActiveEpoch(config)).isEqualTo(3);
    assertThat(new ThresholdProvider().publishesPairScores(config)).isTrue();
  }
}
