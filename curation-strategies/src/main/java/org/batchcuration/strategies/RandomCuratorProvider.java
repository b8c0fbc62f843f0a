package org.batchcuration.strategies;

import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;

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
    String action = matchedAction(config.action(), shadow, nested);
    return with(config, ConfigValues.parse(RandomConfig.Action.class, "action", action), shadow);
  }

  @Override
  public BatchCurator create(RandomConfig config, PluginContext context) {
    if (config.shadow().isEmpty()) {
      return new RandomCurator(
          config, config.action().withoutShadow(), Optional.empty(), context.seed());
    }
    NestedPlugins nested = context.nested();
    String action = matchedAction(config.action(), config.shadow(), nested);
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
   * The action of a control with a shadow: the one the shadow's provider declares ({@link
   * CuratorProvider#matchedAction}); an explicit {@code action} must agree with it, and is required
   * when the shadow declares none.
   */
  static String matchedAction(
      RandomConfig.Action given, Map<String, Object> shadow, NestedPlugins nested) {
    Optional<CurationAction> own = declaredAction(shadow, nested);
    if (own.isEmpty()) {
      if (given == RandomConfig.Action.AUTO) {
        throw new InvalidConfigException(
            "action",
            "the shadow \""
                + shadow.get("type")
                + "\" has no action to copy; set \"action\" to the way it curates"
                + " (drop, reweight, select or redraw)");
      }
      return given.toString();
    }
    if (given != RandomConfig.Action.AUTO && !given.toString().equals(own.get().toString())) {
      throw RandomConfig.contradiction(given.toString(), own.get().toString());
    }
    return own.get().toString();
  }

  @SuppressWarnings("unchecked")
  private static Optional<CurationAction> declaredAction(
      Map<String, Object> shadow, NestedPlugins nested) {
    PluginProvider<?, ?> p = nested.provider(PluginKind.CURATOR, shadow, "shadow");
    Record config = nested.config(PluginKind.CURATOR, shadow, "shadow");
    return p instanceof CuratorProvider<?> cp
        ? ((CuratorProvider<Record>) cp).matchedAction(config)
        : Optional.empty();
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
