package org.batchcuration.datasets.augment;

import java.util.List;
import org.batchcuration.api.Checks;
import org.batchcuration.api.ImageShape;

/**
 * Config of the {@code simclr} augmenter: SimCLR's CIFAR recipe (Chen et al. 2020, appendix B.9):
 * random resized crop (scale [minScale, 1], ratio [3/4, 4/3]) with horizontal flip, colour jitter
 * of strength s (0.8s, 0.8s, 0.8s, 0.2s) with probability 0.8, grayscale with probability 0.2, no
 * blur at 32 px; then normalisation.
 *
 * @param size output side (the crop is resized to size x size)
 * @param strength colour distortion strength s (0.5 for CIFAR)
 * @param minScale smallest crop area fraction
 * @param jitterProbability probability of applying the colour jitter
 * @param grayscaleProbability probability of converting to grayscale
 * @param blurProbability probability of a Gaussian blur (kernel 10% of size, sigma in [0.1, 2]); 0
 *     for CIFAR
 * @param mean per-channel normalisation mean (one value or one per channel)
 * @param std per-channel normalisation standard deviation
 */
public record SimClrConfig(
    int size,
    double strength,
    double minScale,
    double jitterProbability,
    double grayscaleProbability,
    double blurProbability,
    List<Double> mean,
    List<Double> std) {
  public SimClrConfig {
    Checks.inRange("size", size, 1, ImageShape.MAX_SIDE);
    Checks.inRange("strength", strength, 0.0, 2.0);
    Checks.require(minScale > 0 && minScale <= 1, "minScale", "must be in (0, 1], was " + minScale);
    Checks.fraction("jitterProbability", jitterProbability);
    Checks.fraction("grayscaleProbability", grayscaleProbability);
    Checks.fraction("blurProbability", blurProbability);
    mean = List.copyOf(Checks.present("mean", mean));
    std = List.copyOf(Checks.present("std", std));
    ComposeSpec.checkNormalization("mean", "std", mean, std);
  }

  /** CIFAR-10 defaults: 32 px, s = 0.5, p(jitter) = 0.8, p(gray) = 0.2, no blur, CIFAR stats. */
  public static SimClrConfig defaults() {
    return new SimClrConfig(
        32,
        0.5,
        0.08,
        0.8,
        0.2,
        0.0,
        List.of(0.4914, 0.4822, 0.4465),
        List.of(0.2470, 0.2435, 0.2616));
  }

  /** The op list of this recipe. */
  public List<ImageOp> ops() {
    double s = strength;
    int kernel = Math.max(3, (size / 10) | 1);
    return List.of(
        new RandomResizedCrop(size, minScale, 1.0, 3.0 / 4.0, 4.0 / 3.0, 0.5),
        new ColorJitter(0.8 * s, 0.8 * s, 0.8 * s, 0.2 * s, jitterProbability),
        new Grayscale(grayscaleProbability),
        new GaussianBlur(kernel, 0.1, 2.0, blurProbability),
        new Normalize(mean, std));
  }
}
