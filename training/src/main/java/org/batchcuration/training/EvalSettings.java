package org.batchcuration.training;

import java.util.List;
import java.util.Objects;
import org.batchcuration.api.Checks;

/**
 * How representations are evaluated: the kNN monitor during training and the final frozen-feature
 * evaluation (weighted kNN and a linear probe). Immutable; validated on construction.
 *
 * @param knnK neighbours of the weighted kNN classifier, at least 1
 * @param knnTemperature temperature of the kNN weights {@code exp(sim / T)}, &gt; 0
 * @param monitorEvery epochs between kNN monitor evaluations, 0 = off
 * @param monitorLimit training images the monitor embeds (the first N), at least 1
 * @param testLimit test images used by the monitor and the final evaluation (the first N), 0 = all
 * @param probeHeldOut fraction of the training features held out to choose the probe's L2 penalty,
 *     in (0, 0.9]
 * @param probeL2 the L2 penalties the probe tries, at least one, each &gt; 0
 * @param probeIterations optimiser iterations of the probe, at least 1
 * @param randomInitBaseline whether to evaluate a freshly initialised encoder of the same
 *     architecture too
 * @param pixelsBaseline whether to score the raw pixels with the same kNN and probe ({@code
 *     pixels_*} in {@code result.json}); {@code auto} does for images of at most 3,072 values
 * @param validation 0 = evaluate on the dataset's test split; N &gt; 0 = hold out N training images
 *     (stratified by class, the last ones of each class in file order), train on the rest and
 *     evaluate on the held-out ones, so settings can be tuned without looking at the test split
 */
public record EvalSettings(
    int knnK,
    double knnTemperature,
    int monitorEvery,
    int monitorLimit,
    int testLimit,
    double probeHeldOut,
    List<Double> probeL2,
    int probeIterations,
    boolean randomInitBaseline,
    PixelsBaseline pixelsBaseline,
    int validation) {

  public EvalSettings {
    Checks.atLeast("knnK", knnK, 1);
    Checks.positive("knnTemperature", knnTemperature);
    Checks.atLeast("monitorEvery", monitorEvery, 0);
    Checks.atLeast("monitorLimit", monitorLimit, 1);
    Checks.atLeast("testLimit", testLimit, 0);
    Checks.inRange("probeHeldOut", probeHeldOut, 0.0, 0.9);
    Checks.require(probeHeldOut > 0, "probeHeldOut", "must be > 0, was " + probeHeldOut);
    Checks.present("probeL2", probeL2);
    Checks.require(!probeL2.isEmpty(), "probeL2", "must list at least one value");
    for (int i = 0; i < probeL2.size(); i++) {
      Checks.positive("probeL2[" + i + "]", Checks.present("probeL2[" + i + "]", probeL2.get(i)));
    }
    probeL2 = List.copyOf(probeL2);
    Checks.atLeast("probeIterations", probeIterations, 1);
    Checks.present("pixelsBaseline", pixelsBaseline);
    Checks.atLeast("validation", validation, 0);
  }

  /**
   * Settings without the pixels row's and the validation split's fields: pixels {@code auto}, the
   * test split.
   */
  public EvalSettings(
      int knnK,
      double knnTemperature,
      int monitorEvery,
      int monitorLimit,
      int testLimit,
      double probeHeldOut,
      List<Double> probeL2,
      int probeIterations,
      boolean randomInitBaseline) {
    this(
        knnK,
        knnTemperature,
        monitorEvery,
        monitorLimit,
        testLimit,
        probeHeldOut,
        probeL2,
        probeIterations,
        randomInitBaseline,
        PixelsBaseline.AUTO,
        0);
  }

  /**
   * kNN with k = 200 and T = 0.1 (InstDisc/SimCLR practice), monitor every epoch on 10,000 training
   * images, all test images, probe with 10% held out over L2 in {1e-5 .. 1e-1} for 100 iterations,
   * random-init baseline on, pixels row where images are small ({@code auto}), the test split.
   */
  public static EvalSettings defaults() {
    return new EvalSettings(
        200,
        0.1,
        1,
        10_000,
        0,
        0.1,
        List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1),
        100,
        true,
        PixelsBaseline.AUTO,
        0);
  }

  /** Number of test images to use out of {@code available}. */
  int testCount(int available) {
    return testLimit == 0 ? available : Math.min(testLimit, available);
  }

  @Override
  public List<Double> probeL2() {
    return Objects.requireNonNull(probeL2);
  }
}
