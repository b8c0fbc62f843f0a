package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.NestedPlugins;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginKind;
import org.batchcuration.api.PluginProvider;
import org.junit.jupiter.api.Test;

/**
 * A {@code random} control takes its shadow's action from the shadow provider's declaration ({@link
 * CuratorProvider#matchedAction}), whatever the shadow's config components are called.
 */
class MatchedActionTest {
  /** A plugin config without an {@code action} component. */
  record Plain(int size) {}

  /** A plugin config with an {@code action} component that its provider does not declare. */
  record Named(String action) {}

  @Test
  void theShadowProvidersDeclarationGivesTheAction() {
    RandomConfig resolved =
        new RandomCuratorProvider()
            .resolve(control(Map.of("type", "plain")), nested(new PlainProvider()));

    assertThat(resolved.action()).isEqualTo(RandomConfig.Action.SELECT);
  }

  @Test
  void aComponentNamedActionIsNotADeclaration() {
    assertThatThrownBy(
            () ->
                new RandomCuratorProvider()
                    .resolve(control(Map.of("type", "named")), nested(new NamedProvider())))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "action: the shadow \"named\" has no action to copy; set \"action\" to the way it"
                + " curates (drop, reweight, select or redraw)");
  }

  private static RandomConfig control(Map<String, Object> shadow) {
    return new RandomConfig(0.0, RandomConfig.Action.AUTO, shadow, 0.5, 2.0, 1, 0, 1.0);
  }

  /** Nested plugins that know one provider, bound to its default config. */
  private static NestedPlugins nested(CuratorProvider<?> provider) {
    return new NestedPlugins() {
      @Override
      public Map<String, Object> resolve(
          PluginKind kind, Map<String, Object> config, String field) {
        return config;
      }

      @Override
      public Record config(PluginKind kind, Map<String, Object> config, String field) {
        return provider.defaultConfig();
      }

      @Override
      public PluginProvider<?, ?> provider(
          PluginKind kind, Map<String, Object> config, String field) {
        return provider;
      }

      @Override
      public <T> T create(
          PluginKind kind,
          Map<String, Object> config,
          String field,
          PluginContext context,
          Class<T> type) {
        throw new UnsupportedOperationException("resolve only");
      }
    };
  }

  private static final class PlainProvider implements CuratorProvider<Plain> {
    @Override
    public String name() {
      return "plain";
    }

    @Override
    public Class<Plain> configType() {
      return Plain.class;
    }

    @Override
    public Plain defaultConfig() {
      return new Plain(3);
    }

    @Override
    public BatchCurator create(Plain config, PluginContext context) {
      return batch -> CurationDecision.keepAll(batch.size());
    }

    @Override
    public Optional<CurationAction> matchedAction(Plain config) {
      return Optional.of(CurationAction.SELECT);
    }
  }

  private static final class NamedProvider implements CuratorProvider<Named> {
    @Override
    public String name() {
      return "named";
    }

    @Override
    public Class<Named> configType() {
      return Named.class;
    }

    @Override
    public Named defaultConfig() {
      return new Named("drop");
    }

    @Override
    public BatchCurator create(Named config, PluginContext context) {
      return batch -> CurationDecision.keepAll(batch.size());
    }
  }
}
