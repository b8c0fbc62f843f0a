package org.batchcuration.configbinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginRegistry;
import org.junit.jupiter.api.Test;

/**
 * The one nested-plugin binder, used by the runner's config sections and the benchmarks' variants
 * alike: defaults filled in at every depth, unknown fields refused with the nested JSON path.
 */
class RegistryNestedPluginsTest {
  private final RegistryNestedPlugins binder =
      new RegistryNestedPlugins(PluginRegistry.load(), JsonPath.root(), "bench");

  @Test
  void resolveFillsTheDefaultsOfANestedPluginToo() {
    Map<String, Object> resolved =
        binder.resolve(
            PluginKind.CURATOR,
            Map.of("type", "random", "shadow", Map.of("type", "batch-curation", "action", "drop")),
            "curator");

    assertThat(resolved).containsEntry("type", "random").containsEntry("action", "drop");
    assertThat(resolved.get("shadow"))
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("type", "batch-curation")
        .containsEntry("action", "drop")
        .containsEntry("space", "projection")
        .containsEntry("warmupEpochs", 1);
  }

  @Test
  void anUnknownFieldOfANestedPluginIsNamedByItsPath() {
    Map<String, Object> config =
        Map.of("type", "random", "shadow", Map.of("type", "batch-curation", "speed", 9));

    assertThatThrownBy(() -> binder.resolve(PluginKind.CURATOR, config, "curator"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "bench: $.curator.shadow.speed: unknown field; known fields: [action, falseNegatives,");
  }

  @Test
  void createBuildsThePluginAndItsNestedOne() {
    BatchCurator c =
        binder.create(
            PluginKind.CURATOR,
            Map.of("type", "random", "shadow", Map.of("type", "batch-curation", "warmupEpochs", 0)),
            "curator",
            PluginContext.of(7, 8, 100),
            BatchCurator.class);

    assertThat(c.getClass().getName()).isEqualTo("org.batchcuration.strategies.RandomCurator");
  }

  @Test
  void aMissingTypeListsTheKnownNames() {
    assertThatThrownBy(
            () -> binder.config(PluginKind.CURATOR, Map.of("warmupEpochs", 0), "curator"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("bench: $.curator.type: is required: the name of a curator;")
        .hasMessageContaining("batch-curation");
  }
}
