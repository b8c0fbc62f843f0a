package org.batchcuration.runner.testplugins;

import java.util.List;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.Checks;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginContext;

/** A test curator: keeps every pair; its config exercises numbers, strings and nested records. */
public final class TestCuratorProvider implements CuratorProvider<TestCuratorProvider.Config> {
  /** A nested record, to test nested paths. */
  public record Window(int from, int to) {
    public Window {
      Checks.atLeast("from", from, 0);
      Checks.require(to >= from, "to", "must be >= from (" + from + "), was " + to);
    }
  }

  /** The curator's config. */
  public record Config(double poolFactor, String space, Window window, List<Double> weights) {
    public Config {
      Checks.atLeast("poolFactor", poolFactor, 1.0);
      Checks.oneOf("space", space, List.of("projection", "representation"));
      Checks.present("window", window);
      weights = List.copyOf(weights);
    }

    public static Config defaults() {
      return new Config(2.0, "projection", new Window(0, 10), List.of(1.0));
    }
  }

  /** The curator this provider creates. */
  public record KeepAll(Config config, long seed) implements BatchCurator {
    @Override
    public CurationDecision decide(CurationBatch batch) {
      return CurationDecision.keepAll(batch.size());
    }
  }

  @Override
  public String name() {
    return "test-curator";
  }

  @Override
  public Class<Config> configType() {
    return Config.class;
  }

  @Override
  public Config defaultConfig() {
    return Config.defaults();
  }

  @Override
  public BatchCurator create(Config config, PluginContext context) {
    Checks.require(
        config.window().to() <= context.epochs() * 100,
        "window.to",
        "must be <= 100 x train.epochs, was " + config.window().to());
    return new KeepAll(config, context.seed());
  }

  @Override
  public String description() {
    return "keeps every pair (runner tests)";
  }
}
