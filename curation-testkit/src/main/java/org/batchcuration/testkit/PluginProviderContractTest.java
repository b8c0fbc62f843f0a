package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;
import org.junit.jupiter.api.Test;

/**
 * The contract every plugin provider must keep: a valid permanent name, a default config of its
 * config type equal to the defaults the provider documents (by default the config record's static
 * {@code defaults()}; see {@link #expectedDefaultConfig}), a {@code META-INF/services} entry, and a
 * plugin created from the default config. A provider's test extends this class and overrides {@link
 * #provider()}.
 */
public abstract class PluginProviderContractTest {

  /** The provider under test. */
  protected abstract PluginProvider<?, ?> provider();

  /** The context plugins are created with. */
  protected PluginContext context() {
    return PluginContext.of(7, 8, 2);
  }

  @Test
  void nameIsValid() {
    assertThat(provider().name()).matches(PluginRegistry.NAME);
  }

  /**
   * The default config the provider documents: by default its config record's static {@code
   * defaults()}, which must exist. A provider that shares a config record with another and has
   * defaults of its own (the {@code fashion-mnist} dataset's path on {@code mnist}'s {@code
   * IdxConfig}) overrides this with them.
   */
  protected Record expectedDefaultConfig() throws ReflectiveOperationException {
    Method defaults = provider().configType().getMethod("defaults");
    assertThat(Modifier.isStatic(defaults.getModifiers())).as("defaults() is static").isTrue();
    return (Record) defaults.invoke(null);
  }

  @Test
  void defaultConfigIsValidAndMatchesDefaults() throws ReflectiveOperationException {
    PluginProvider<?, ?> p = provider();
    Object config = p.defaultConfig();
    assertThat(config).isNotNull().isInstanceOf(p.configType());
    assertThat(expectedDefaultConfig()).isEqualTo(config);
  }

  @Test
  void isListedInMetaInfServices() {
    PluginProvider<?, ?> p = provider();
    PluginKind kind = kindOf(p);
    assertThat(
            ServiceLoader.load(kind.providerType(), p.getClass().getClassLoader()).stream()
                .map(provider -> provider.type().getName())
                .collect(Collectors.toList()))
        .as("META-INF/services/" + kind.providerType().getName())
        .contains(p.getClass().getName());
  }

  @Test
  void createsAPluginFromTheDefaultConfig() {
    assertThat(create(provider(), context())).isNotNull();
    assertThat(provider().description()).as("description").isNotBlank();
  }

  /** The plugin kind whose provider interface {@code p} implements. */
  protected static PluginKind kindOf(PluginProvider<?, ?> p) {
    for (PluginKind kind : PluginKind.values()) {
      if (kind.providerType().isInstance(p)) {
        return kind;
      }
    }
    throw new AssertionError(p.getClass().getName() + " implements no plugin kind's provider");
  }

  /** Creates {@code p}'s plugin from its default config. */
  protected static <C extends Record, T> T create(PluginProvider<C, T> p, PluginContext context) {
    return p.create(p.defaultConfig(), context);
  }
}
