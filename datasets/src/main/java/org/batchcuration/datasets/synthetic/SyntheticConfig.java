package org.batchcuration.datasets.synthetic;

import org.batchcuration.api.Checks;
import org.batchcuration.api.ImageShape;

/**
 * Config of the {@code synthetic} dataset.
 *
 * @param path unused (the images are drawn, not read); kept so that every dataset config has one
 * @param limit 0 = all training images; else the first N, stratified by class
 * @param size image side in pixels
 * @param channels 1 or 3
 * @param classes number of classes (each a shape, orientation and colour)
 * @param trainCount training images
 * @param testCount test images
 * @param noise standard deviation of the per-pixel noise, in 8-bit levels
 * @param seed the drawing seed (images depend on it and on nothing else)
 */
public record SyntheticConfig(
    String path,
    int limit,
    int size,
    int channels,
    int classes,
    int trainCount,
    int testCount,
    double noise,
    long seed) {
  public SyntheticConfig {
    Checks.present("path", path);
    Checks.atLeast("limit", limit, 0);
    Checks.inRange("size", size, 8, ImageShape.MAX_SIDE);
    Checks.require(channels == 1 || channels == 3, "channels", "must be 1 or 3, was " + channels);
    Checks.inRange("classes", classes, 2, 64);
    Checks.atLeast("trainCount", trainCount, classes);
    Checks.atLeast("testCount", testCount, 0);
    Checks.inRange("noise", noise, 0.0, 128.0);
  }

  public static SyntheticConfig defaults() {
    return new SyntheticConfig("", 0, 32, 3, 10, 5000, 1000, 12.0, 7L);
  }
}
