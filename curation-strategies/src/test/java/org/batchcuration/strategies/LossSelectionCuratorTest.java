package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class LossSelectionCuratorTest extends BatchCuratorContractTest {
  @Override
  protected BatchCurator newCurator(long seed) {
    return new LossSelectionCurator(new LossSelectionConfig(2.0, 0.5, 1, 0.5));
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.5);
  }

  /** NT-Xent of one anchor from raw vectors, in doubles. */
  private static double anchorLoss(float[][] views, int a, int p, double t) {
    double sum = 0;
    for (int c = 0; c < views.length; c++) {
      if (c != a) {
        sum += Math.exp(cos(views[a], views[c]) / t);
      }
    }
    return -cos(views[a], views[p]) / t + Math.log(sum);
  }

  private static double cos(float[] x, float[] y) {
    double d = 0;
    double nx = 0;
    double ny = 0;
    for (int k = 0; k < x.length; k++) {
      d += x[k] * y[k];
      nx += x[k] * x[k];
      ny += y[k] * y[k];
    }
    return d / Math.sqrt(nx * ny);
  }

  @Test
  void keepsTheHighestLossPairs() {
    CurationBatch pool =
        SyntheticBatch.builder(12).seed(51).epoch(1).noise(0.4).inconsistentPairs(7, 10).build();
    float[][] views = new float[24][];
    for (int i = 0; i < 12; i++) {
      views[i] = pool.z1().row(i);
      views[i + 12] = pool.z2().row(i);
    }
    double[] expected = new double[12];
    for (int i = 0; i < 12; i++) {
      expected[i] = 0.5 * (anchorLoss(views, i, i + 12, 0.5) + anchorLoss(views, i + 12, i, 0.5));
    }
    double[] losses = LossSelectionCurator.pairLosses(pool, 0.5);
    for (int i = 0; i < 12; i++) {
      assertThat(losses[i]).isCloseTo(expected[i], within(1e-4));
    }
    int[] top6 =
        IntStream.range(0, 12)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -expected[i]))
            .limit(6)
            .mapToInt(Integer::intValue)
            .sorted()
            .toArray();
    BatchCurator uncapped = new LossSelectionCurator(new LossSelectionConfig(2.0, 0.5, 0, 1.0));
    assertThat(uncapped.poolSize(6, pool.step())).isEqualTo(12);
    assertThat(uncapped.preview(pool, 6).keep()).containsExactly(top6).contains(7, 10);
  }
}
