package org.batchcuration.runner.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchcuration.api.PluginKind;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.testplugins.TestCuratorProvider;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.batchcuration.runner.testplugins.TestTrain;
import org.junit.jupiter.api.Test;

class ExperimentTest {
  private final RunnerSetup setup =
      new RunnerSetup(ExperimentTest.class.getClassLoader(), TestSchemas.schema());

  @Test
  void builderSettersAndOverridesResolve() {
    Experiment e =
        Experiment.builder()
            .name("mine")
            .seed(5)
            .curator("test-curator")
            .set("curator.poolFactor", 4)
            .epochs(2)
            .batchSize(8)
            .build()
            .with("curator.weights", List.of(0.5));
    ExperimentConfig c = e.resolve(setup);
    assertThat(c.seed()).isEqualTo(5);
    assertThat(c.section("train", TestTrain.class)).isEqualTo(new TestTrain(2, 8));
    TestCuratorProvider.Config cc =
        (TestCuratorProvider.Config) c.plugin(PluginKind.CURATOR).config();
    assertThat(cc.poolFactor()).isEqualTo(4.0);
    assertThat(cc.weights()).containsExactly(0.5);
    assertThat(c.defaultRunDir().toString()).isEqualTo("runs/mine");
  }

  @Test
  void errorsNameTheSourceAndPath() {
    Experiment e =
        Experiment.fromJson("{\"curator\":{\"type\":\"test-curator\"}}", "inline.json")
            .withSets(List.of("train.epochs=many"));
    assertThatThrownBy(() -> e.resolve(setup))
        .isInstanceOf(ConfigException.class)
        .hasMessage("--set train.epochs=many: expected an integer, got \"many\"");
  }
}
