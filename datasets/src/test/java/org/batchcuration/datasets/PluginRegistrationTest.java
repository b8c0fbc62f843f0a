package org.batchcuration.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;

@SuppressWarnings({"unchecked", "rawtypes"}) // ServiceLoader takes raw provider classes
class PluginRegistrationTest {
  @Test
  void providersAreListedWithTheirNames() {
    assertThat(ServiceLoader.load(DatasetProvider.class).stream().map(p -> p.get().name()))
        .containsExactly(
            "cifar10", "cifar100", "stl10", "mnist", "fashion-mnist", "image-folder", "synthetic");
    assertThat(ServiceLoader.load(AugmenterProvider.class).stream().map(p -> p.get().name()))
        .containsExactly("simclr", "compose", "identity");
  }

  @Test
  void everyAugmenterCreatesFromItsDefaults() {
    for (AugmenterProvider p : ServiceLoader.load(AugmenterProvider.class)) {
      assertThat(p.description()).isNotBlank();
      assertThat(p.create(p.defaultConfig(), PluginContext.of(1, 2, 1))).isNotNull();
    }
  }

  @Test
  void syntheticLoadsFromItsDefaults() {
    for (DatasetProvider p : ServiceLoader.load(DatasetProvider.class)) {
      assertThat(p.description()).isNotBlank();
      if (p.name().equals("synthetic")) {
        var source =
            (org.batchcuration.api.DatasetSource)
                p.create(p.defaultConfig(), PluginContext.of(1, 2, 1));
        assertThat(source.load(Split.TEST).size()).isEqualTo(1000);
      }
    }
  }
}
