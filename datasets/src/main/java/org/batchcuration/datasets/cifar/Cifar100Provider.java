package org.batchcuration.datasets.cifar;

import java.nio.file.Path;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/** The {@code cifar100} dataset plugin: 50,000 + 10,000 RGB 32x32 images, 100 (or 20) classes. */
public final class Cifar100Provider implements DatasetProvider<Cifar100Config> {
  @Override
  public String name() {
    return "cifar100";
  }

  @Override
  public Class<Cifar100Config> configType() {
    return Cifar100Config.class;
  }

  @Override
  public Cifar100Config defaultConfig() {
    return Cifar100Config.defaults();
  }

  @Override
  public DatasetSource create(Cifar100Config config, PluginContext context) {
    return new CifarSource(
        CifarFormat.cifar100(config.labels() == Cifar100Config.Labels.FINE),
        Path.of(config.path()),
        config.limit());
  }

  @Override
  public String description() {
    return "CIFAR-100, official binary version (fine or coarse labels)";
  }
}
