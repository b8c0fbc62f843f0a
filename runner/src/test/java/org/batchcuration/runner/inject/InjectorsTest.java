package org.batchcuration.runner.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import com.google.inject.name.Names;
import java.util.Set;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.MetricsSink;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.testplugins.GreetingModule;
import org.batchcuration.runner.testplugins.TestCuratorProvider;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.batchcuration.training.CsvMetricsSink;
import org.junit.jupiter.api.Test;

class InjectorsTest {
  private Injector injector(String json) {
    ExperimentConfig c = TestSchemas.loader().parse(json, "x.json", "x", Overrides.none());
    return Injectors.create(c, TestSchemas.registry(), getClass().getClassLoader());
  }

  @Test
  void createsTheConfiguredPluginsOnce() {
    Injector inj =
        injector("{\"seed\":9,\"curator\":{\"type\":\"test-curator\",\"poolFactor\":3}}");
    BatchCurator curator = Injectors.get(inj, BatchCurator.class);
    assertThat(curator).isInstanceOf(TestCuratorProvider.KeepAll.class);
    TestCuratorProvider.KeepAll keepAll = (TestCuratorProvider.KeepAll) curator;
    assertThat(keepAll.config().poolFactor()).isEqualTo(3.0);
    assertThat(keepAll.seed()).isEqualTo(9);
    assertThat(Injectors.get(inj, BatchCurator.class)).isSameAs(curator);
    assertThat(Injectors.get(inj, ContrastiveLoss.class)).isNotNull();
  }

  @Test
  void metricsSinksStartWithTheCsvWriter() {
    Injector inj = injector("{\"curator\":{\"type\":\"other-curator\"}}");
    Set<MetricsSink> sinks = inj.getInstance(Key.get(new TypeLiteral<Set<MetricsSink>>() {}));
    assertThat(sinks).hasSize(1).first().isInstanceOf(CsvMetricsSink.class);
  }

  @Test
  void pluginContributedModuleBindingIsVisible() {
    Injector inj = injector("{\"curator\":{\"type\":\"other-curator\"}}");
    assertThat(inj.getInstance(Key.get(String.class, Names.named(GreetingModule.NAME))))
        .isEqualTo("hello from a plugin module");
  }

  @Test
  void injectorIsStrict() {
    Injector inj = injector("{\"curator\":{\"type\":\"other-curator\"}}");
    assertThatThrownBy(() -> inj.getInstance(StringBuilder.class))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Explicit bindings are required");
  }

  @Test
  void pluginCreationErrorsAreNotWrapped() {
    Injector inj =
        injector("{\"curator\":{\"type\":\"test-curator\",\"window\":{\"from\":0,\"to\":900}}}");
    assertThatThrownBy(() -> Injectors.get(inj, BatchCurator.class))
        .isInstanceOf(ConfigException.class)
        .hasMessage("x.json: $.curator.window.to: must be <= 100 x train.epochs, was 900");
  }
}
