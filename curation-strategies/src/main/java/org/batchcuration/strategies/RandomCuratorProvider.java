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
    if (config.shadow().isEmpty()) {
      String action = config.action().equals("auto") ? "drop" : config.action();
      return new RandomCurator(config, action, Optional.empty(), context.seed());
    }
    Record shadowConfig = shadowConfig(config.shadow());
    String action =
        matchedAction(config.action(), shadowConfig, (String) config.shadow().get("type"));
    BatchCurator shadow = createShadow(config.shadow(), context);
    return new RandomCurator(config, action, Optional.of(shadow), context.seed());
  }

  /**
   * The action of a control with a shadow: the shadow's own (its config's {@code action}; {@code
   * select} for {@code loss-selection}, {@code redraw} for {@code frechet-bad-batch}); an explicit
   * {@code action} must agree with it.
   */
  static String matchedAction(String given, Record shadowConfig, String shadowType) {
    Optional<String> own = shadowAction(shadowConfig);
    if (own.isEmpty()) {
      if (given.equals("auto")) {
        throw new InvalidConfigException(
            "action",
            "the shadow \""
                + shadowType
                + "\" has no action to copy; set \"action\" to the way it curates"
                + " (drop, reweight, select or redraw)");
      }
      return given;
    }
    if (!given.equals("auto") && !given.equals(own.get())) {
      throw new InvalidConfigException(
          "action",
          "\""
              + given
              + "\" contradicts the shadow's action \""
              + own.get()
              + "\"; a control must curate the way its shadow does: leave \"action\" out"
              + " (\"auto\" takes the shadow's)");
    }
    return own.get();
  }

  private static Optional<String> shadowAction(Record config) {
    if (config instanceof LossSelectionConfig) {
      return Optional.of("select");
    }
    if (config instanceof FrechetConfig) {
      return Optional.of("redraw");
    }
    for (java.lang.reflect.RecordComponent c : config.getClass().getRecordComponents()) {
      if (c.getName().equals("action") && c.getType() == String.class) {
        try {
          return Optional.of((String) c.getAccessor().invoke(config));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read the shadow's action", e);
        }
      }
    }
    return Optional.empty();
  }

  private static Record shadowConfig(Map<String, Object> json) {
    CuratorProvider<?> provider = shadowProvider(json);
    Map<String, Object> fields = new LinkedHashMap<>(json);
    fields.remove("type");
    return RecordBinder.bind(provider.defaultConfig(), fields, "shadow");
  }

  private static CuratorProvider<?> shadowProvider(Map<String, Object> json) {
    String type = (String) json.get("type");
    try {
      return (CuratorProvider<?>) PluginRegistry.load().provider(PluginKind.CURATOR, type);
    } catch (PluginException e) {
      throw new InvalidConfigException("shadow.type", e.getMessage());
    }
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
