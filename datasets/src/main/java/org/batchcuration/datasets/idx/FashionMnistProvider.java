package org.batchcuration.datasets.idx;

import java.nio.file.Path;
import java.util.List;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;

/**
 * The {@code fashion-mnist} dataset plugin: 60,000 + 10,000 grayscale 28x28 fashion images (IDX
 * files); by default read from Debian's {@code dataset-fashion-mnist} package.
 */
public final class FashionMnistProvider implements DatasetProvider<IdxConfig> {
  /** Zalando's class names, in label order. */
  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  @Override
  public String name() {
    return "fashion-mnist";
  }

  @Override
  public Class<IdxConfig> configType() {
    return IdxConfig.class;
  }

  @Override
  public IdxConfig defaultConfig() {
    return IdxConfig.fashionDefaults();
  }

  @Override
  public DatasetSource create(IdxConfig config, PluginContext context) {
    return new IdxSource("fashion-mnist", Path.of(config.path()), config.limit(), CLASS_NAMES);
  }

  @Override
  public String description() {
    return "Fashion-MNIST, IDX files (default: Debian's dataset-fashion-mnist package)";
  }
}
