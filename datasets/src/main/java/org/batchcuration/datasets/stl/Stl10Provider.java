package org.batchcuration.datasets.stl;

import java.nio.file.Path;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/**
 * The {@code stl10} dataset plugin: RGB 96x96 images, 5,000 labelled training, 8,000 test and
 * 100,000 unlabeled ({@link org.batchcuration.api.Split#UNLABELED}).
 */
public final class Stl10Provider implements DatasetProvider<Stl10Config> {
  @Override
  public String name() {
    return "stl10";
  }

  @Override
  public Class<Stl10Config> configType() {
    return Stl10Config.class;
  }

  @Override
  public Stl10Config defaultConfig() {
    return Stl10Config.defaults();
  }

  @Override
  public DatasetSource create(Stl10Config config, PluginContext context) {
    return new Stl10Source(Path.of(config.path()), config.limit());
  }

  @Override
  public String description() {
    return "STL-10, binary version (train, test, unlabeled; 96x96)";
  }
}
