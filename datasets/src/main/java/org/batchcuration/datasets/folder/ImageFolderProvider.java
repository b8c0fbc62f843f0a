package org.batchcuration.datasets.folder;

import java.nio.file.Path;
import org.batchcuration.api.DatasetProvider;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;

/** The {@code image-folder} dataset plugin: PNG/JPEG files, one sub-folder per class. */
public final class ImageFolderProvider implements DatasetProvider<ImageFolderConfig> {
  @Override
  public String name() {
    return "image-folder";
  }

  @Override
  public Class<ImageFolderConfig> configType() {
    return ImageFolderConfig.class;
  }

  @Override
  public ImageFolderConfig defaultConfig() {
    return ImageFolderConfig.defaults();
  }

  @Override
  public DatasetSource create(ImageFolderConfig config, PluginContext context) {
    return new ImageFolderSource(
        Path.of(config.path()),
        config.limit(),
        new ImageShape(config.channels(), config.height(), config.width()));
  }

  @Override
  public String description() {
    return "PNG/JPEG images in one sub-folder per class, resized (javax.imageio)";
  }
}
