package org.batchcuration.datasets.folder;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ImageShape;

/**
 * Config of the {@code image-folder} dataset.
 *
 * @param path a folder with one sub-folder per class (the training split), or a folder with {@code
 *     train/} and optionally {@code test/}, each with one sub-folder per class
 * @param limit 0 = all training images; else the first N (files sorted by name), stratified by
 *     class
 * @param height images are resized to this height (bilinear)
 * @param width images are resized to this width (bilinear)
 * @param channels 1 (luminance) or 3 (RGB)
 */
public record ImageFolderConfig(String path, int limit, int height, int width, int channels) {
  public ImageFolderConfig {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
    Checks.inRange("height", height, 1, ImageShape.MAX_SIDE);
    Checks.inRange("width", width, 1, ImageShape.MAX_SIDE);
    Checks.require(channels == 1 || channels == 3, "channels", "must be 1 or 3, was " + channels);
  }

  public static ImageFolderConfig defaults() {
    return new ImageFolderConfig("data/images", 0, 32, 32, 3);
  }
}
