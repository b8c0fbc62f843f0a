package org.batchcuration.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.batchcuration.api.Checks;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.evaluation.KnnConfig;
import org.batchcuration.evaluation.ProbeConfig;

/**
 * How representations are evaluated: the kNN monitor during training and the final frozen-feature
 * evaluation (weighted kNN and a linear probe). The {@code eval} section of a config. The kNN's and
 * the probe's fields are the evaluation module's {@link KnnConfig} and {@link ProbeConfig} under
 * user-facing names: their defaults and checks come from those records ({@link #knn}, {@link
 * #probe}), only the messages name this record's fields. Immutable; validated on construction.
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
    // the kNN's and the probe's own checks, in this record's field names
    checkedAs(
        Map.of("k", "knnK", "temperature", "knnTemperature"), () -> knn(knnK, knnTemperature));
    Checks.atLeast("monitorEvery", monitorEvery, 0);
    Checks.atLeast("monitorLimit", monitorLimit, 1);
    Checks.atLeast("testLimit", testLimit, 0);
    List<Double> l2 = Checks.present("probeL2", probeL2);
    probeL2 =
        checkedAs(
                Map.of(
                    "heldOutFraction", "probeHeldOut",
                    "l2Grid", "probeL2",
                    "maxIterations", "probeIterations"),
                () -> new ProbeConfig(probeHeldOut, l2, probeIterations, 0L))
            .l2Grid();
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
    KnnConfig knn = KnnConfig.defaults();
    ProbeConfig probe = ProbeConfig.defaults();
    return new EvalSettings(
        knn.k(),
        knn.temperature(),
        1,
        10_000,
        0,
        probe.heldOutFraction(),
        probe.l2Grid(),
        probe.maxIterations(),
        true,
        PixelsBaseline.AUTO,
        0);
  }

  /** The kNN classifier's config over a bank of {@code bankSize} features (k clipped to it). */
  public KnnConfig knn(int bankSize) {
    return knn(Math.min(knnK, bankSize), knnTemperature);
  }

  /** The linear probe's config, its held-out split drawn with {@code seed}. */
  public ProbeConfig probe(long seed) {
    return new ProbeConfig(probeHeldOut, probeL2, probeIterations, seed);
  }

  private static KnnConfig knn(int k, double temperature) {
    return new KnnConfig(k, temperature);
  }

  /**
   * {@code make()}, whose {@link InvalidConfigException} names its field as this record does
   * ({@code l2Grid[2]} becomes {@code probeL2[2]}).
   */
  private static <T> T checkedAs(Map<String, String> names, Supplier<T> make) {
    try {
      return make.get();
    } catch (InvalidConfigException e) {
      String field = e.field();
      for (Map.Entry<String, String> n : names.entrySet()) {
        if (field.equals(n.getKey()) || field.startsWith(n.getKey() + "[")) {
          field = n.getValue() + field.substring(n.getKey().length());
          break;
        }
      }
      throw new InvalidConfigException(field, e.problem());
    }
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
