package org.batchcuration.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.batchcuration.api.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The providers that this module lists in {@code META-INF/services} load, with valid and distinct
 * names, a description, and a plugin created from their defaults. The expected providers are read
 * from the services files themselves; each one's behaviour is checked by its contract test.
 */
@SuppressWarnings({"unchecked", "rawtypes"}) // ServiceLoader takes raw provider classes
class PluginRegistrationTest {

  /** The class names that this module's {@code META-INF/services} file for {@code kind} lists. */
  static List<String> listed(Class<?> kind) throws IOException {
    URL module = TwoViewPipeline.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader own = new URLClassLoader(new URL[] {module}, null)) {
      URL file = own.findResource("META-INF/services/" + kind.getName());
      assertThat(file).as("META-INF/services/" + kind.getName() + " in " + module).isNotNull();
      try (InputStream in = file.openStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .map(line -> line.replaceFirst("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .toList();
      }
    }
  }

  /** The providers of {@code kind} that come from this module, in service-file order. */
  static List<PluginProvider> loaded(Class<?> kind) {
    URL module = TwoViewPipeline.class.getProtectionDomain().getCodeSource().getLocation();
    return ServiceLoader.load(kind).stream()
        .map(p -> (PluginProvider) p.get())
        .filter(
            p -> p.getClass().getProtectionDomain().getCodeSource().getLocation().equals(module))
        .toList();
  }

  @ParameterizedTest
  @ValueSource(classes = {DatasetProvider.class, AugmenterProvider.class})
  void listedProvidersLoadWithValidDistinctNames(Class<?> kind) throws IOException {
    List<PluginProvider> providers = loaded(kind);
    assertThat(providers.stream().map(p -> p.getClass().getName()))
        .as("providers loaded from META-INF/services/" + kind.getName())
        .containsExactlyElementsOf(listed(kind));
    assertThat(providers).isNotEmpty();
    assertThat(providers.stream().map(PluginProvider::name))
        .as("names of the " + kind.getSimpleName() + "s")
        .allMatch(name -> PluginRegistry.NAME.matcher(name).matches())
        .doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(classes = {DatasetProvider.class, AugmenterProvider.class})
  void everyProviderDescribesItselfAndCreatesFromItsDefaults(Class<?> kind) {
    for (PluginProvider p : loaded(kind)) {
      assertThat(p.description()).as("description of " + p.name()).isNotBlank();
      assertThat(p.defaultConfig())
          .as("default config of " + p.name())
          .isInstanceOf(p.configType());
      assertThat(p.create(p.defaultConfig(), PluginContext.of(1, 2, 1)))
          .as("plugin " + p.name() + " from its defaults")
          .isNotNull();
    }
  }

  @Test
  void aDatasetWithoutFilesLoadsFromItsDefaults() {
    DatasetProvider p =
        (DatasetProvider)
            loaded(DatasetProvider.class).stream()
                .filter(x -> x.name().equals("synthetic"))
                .findFirst()
                .orElseThrow();
    DatasetSource source = (DatasetSource) p.create(p.defaultConfig(), PluginContext.of(1, 2, 1));
    assertThat(source.load(Split.TEST).size()).isEqualTo(1000);
  }
}
