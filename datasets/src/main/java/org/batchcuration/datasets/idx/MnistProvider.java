package org.batchcuration.datasets.idx;

import java.nio.file.Path;
import java.util.List;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/** The {@code mnist} dataset plugin: 60,000 + 10,000 grayscale 28x28 digits (IDX files). */
public final class MnistProvider implements DatasetProvider<IdxConfig> {
  @Override
  public String name() {
    return "mnist";
  }

  @Override
  public Class<IdxConfig> configType() {
    return IdxConfig.class;
  }

  @Override
  public IdxConfig defaultConfig() {
    return IdxConfig.defaults();
  }

  @Override
  public DatasetSource create(IdxConfig config, PluginContext context) {
    return new IdxSource(
        "mnist",
        Path.of(config.path()),
        config.limit(),
        List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
  }

  @Override
  public String description() {
    return "MNIST digits, IDX files (raw or .gz)";
  }
}
