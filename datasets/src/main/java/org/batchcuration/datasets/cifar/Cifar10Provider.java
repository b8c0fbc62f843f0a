package org.batchcuration.datasets.cifar;

import java.nio.file.Path;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/** The {@code cifar10} dataset plugin: 50,000 + 10,000 RGB 32x32 images, 10 classes. */
public final class Cifar10Provider implements DatasetProvider<Cifar10Config> {
  @Override
  public String name() {
    return "cifar10";
  }

  @Override
  public Class<Cifar10Config> configType() {
    return Cifar10Config.class;
  }

  @Override
  public Cifar10Config defaultConfig() {
    return Cifar10Config.defaults();
  }

  @Override
  public DatasetSource create(Cifar10Config config, PluginContext context) {
    return new CifarSource(CifarFormat.cifar10(), Path.of(config.path()), config.limit());
  }

  @Override
  public String description() {
    return "CIFAR-10, official binary version (folder of .bin files or the .tar.gz)";
  }
}
