package org.batchcuration.strategies;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.batchcuration.api.PluginRegistry;

/**
 * Provides {@code random}: {@link RandomCurator}. A {@code shadow} config is resolved with the
 * {@link PluginRegistry} on the classpath and bound with {@link RecordBinder} over the shadow's
 * defaults; the shadow gets the same {@link PluginContext}.
 */
public final class RandomCuratorProvider implements CuratorProvider<RandomConfig> {
  @Override
  public String name() {
    return "random";
  }

  @Override
  public Class<RandomConfig> configType() {
    return RandomConfig.class;
  }

  @Override
  public RandomConfig defaultConfig() {
    return RandomConfig.defaults();
  }

  @Override
  public BatchCurator create(RandomConfig config, PluginContext context) {
    Optional<BatchCurator> shadow =
        config.shadow().isEmpty()
            ? Optional.empty()
            : Optional.of(createShadow(config.shadow(), context));
    return new RandomCurator(config, shadow, context.seed());
  }

  private static BatchCurator createShadow(Map<String, Object> json, PluginContext context) {
    String type = (String) json.get("type");
    PluginProvider<?, ?> provider;
    try {
      provider = PluginRegistry.load().provider(PluginKind.CURATOR, type);
    } catch (PluginException e) {
      throw new InvalidConfigException("shadow.type", e.getMessage());
    }
    Map<String, Object> fields = new LinkedHashMap<>(json);
    fields.remove("type");
    return build((CuratorProvider<?>) provider, fields, context);
  }

  private static <C extends Record> BatchCurator build(
      CuratorProvider<C> provider, Map<String, Object> fields, PluginContext context) {
    C config = RecordBinder.bind(provider.defaultConfig(), fields, "shadow");
    return provider.create(config, context);
  }

  @Override
  public String description() {
    return "Control: curates random pairs, a fixed fraction or as many as a shadow curator would";
  }
}
