package org.batchcuration.strategies;

import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;

/**
 * Provides {@code random}: {@link RandomCurator}. The {@code shadow} is a nested curator config,
 * resolved, bound and created by the runner through {@link PluginContext#nested()} (the same
 * registry and binding rules as every config section, its defaults recorded in {@code
 * config.resolved.json}); the shadow gets the same context.
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

  /**
   * Fills the shadow's defaults in (through the runner's {@link NestedPlugins}) and turns {@code
   * "auto"} into the action the control will take, so {@code config.resolved.json} shows both.
   */
  @Override
  public RandomConfig resolve(RandomConfig config, NestedPlugins nested) {
    if (config.shadow().isEmpty()) {
      return config.action() == RandomConfig.Action.AUTO
          ? with(config, RandomConfig.Action.DROP, config.shadow())
          : config;
    }
    Map<String, Object> shadow = nested.resolve(PluginKind.CURATOR, config.shadow(), "shadow");
    Record shadowConfig = nested.config(PluginKind.CURATOR, shadow, "shadow");
    String action = matchedAction(config.action(), shadowConfig, (String) shadow.get("type"));
    return with(config, ConfigValues.parse(RandomConfig.Action.class, "action", action), shadow);
  }

  @Override
  public BatchCurator create(RandomConfig config, PluginContext context) {
    if (config.shadow().isEmpty()) {
      return new RandomCurator(
          config, config.action().withoutShadow(), Optional.empty(), context.seed());
    }
    NestedPlugins nested = context.nested();
    Record shadowConfig = nested.config(PluginKind.CURATOR, config.shadow(), "shadow");
    String action =
        matchedAction(config.action(), shadowConfig, (String) config.shadow().get("type"));
    BatchCurator shadow =
        nested.create(PluginKind.CURATOR, config.shadow(), "shadow", context, BatchCurator.class);
    return new RandomCurator(
        config,
        ConfigValues.parse(CurationAction.class, "action", action),
        Optional.of(shadow),
        context.seed());
  }

  private static RandomConfig with(
      RandomConfig c, RandomConfig.Action action, Map<String, Object> shadow) {
    return new RandomConfig(
        c.fraction(),
        action,
        shadow,
        c.weight(),
        c.poolFactor(),
        c.maxRedraws(),
        c.warmupEpochs(),
        c.maxCuratedFraction());
  }

  /**
   * The action of a control with a shadow: the shadow's own (its config's {@code action}; {@code
   * select} for {@code loss-selection}, {@code redraw} for {@code frechet-bad-batch}); an explicit
   * {@code action} must agree with it.
   */
  static String matchedAction(RandomConfig.Action given, Record shadowConfig, String shadowType) {
    Optional<String> own = shadowAction(shadowConfig);
    if (own.isEmpty()) {
      if (given == RandomConfig.Action.AUTO) {
        throw new InvalidConfigException(
            "action",
            "the shadow \""
                + shadowType
                + "\" has no action to copy; set \"action\" to the way it curates"
                + " (drop, reweight, select or redraw)");
      }
      return given.toString();
    }
    if (given != RandomConfig.Action.AUTO && !given.toString().equals(own.get())) {
      throw RandomConfig.contradiction(given.toString(), own.get());
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
      // a String (outside plugins) or a config enum such as batch-curation's CurationAction
      if (c.getName().equals("action") && (c.getType() == String.class || c.getType().isEnum())) {
        try {
          return Optional.of(c.getAccessor().invoke(config).toString());
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot read the shadow's action", e);
        }
      }
    }
    return Optional.empty();
  }

  @Override
  public String description() {
    return "Control: curates random pairs, a fixed fraction or as many as a shadow curator would";
  }

  /** Plain SimCLR for the first {@code warmupEpochs} epochs. */
  @Override
  public int firstActiveEpoch(RandomConfig config) {
    return config.warmupEpochs();
  }
}
