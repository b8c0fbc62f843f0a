package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.Selection;
import org.batchcuration.api.Space;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.testkit.BatchCuratorContractTest;
import org.batchcuration.testkit.SyntheticBatch;
import org.junit.jupiter.api.Test;

class BatchCurationSelectTest extends BatchCuratorContractTest {
  private static final BatchCurationConfig CONFIG =
      new BatchCurationConfig(
          Space.PROJECTION,
          Score.MARGIN,
          CurationAction.SELECT,
          FalseNegatives.KEEP,
          1,
          0.5,
          0.0,
          2.0,
          2);

  @Override
  protected BatchCurator newCurator(long seed) {
    return new BatchCurationCurator(CONFIG);
  }

  @Override
  protected int warmupEpochs() {
    return 1;
  }

  @Override
  protected OptionalDouble maxCuratedFraction() {
    return OptionalDouble.of(0.5);
  }

  /** Margin of pair i computed directly: min over its anchors of s(a,p) - max negative. */
  private static double margin(CurationBatch batch, int i) {
    int b = batch.size();
    Matrix s = batch.similarity(Space.PROJECTION);
    double m = Double.POSITIVE_INFINITY;
    for (int a : new int[] {i, i + b}) {
      int p = (a + b) % (2 * b);
      double hardest = -1;
      for (int c = 0; c < 2 * b; c++) {
        if (c != a && c != p) {
          hardest = Math.max(hardest, s.get(a, c));
        }
      }
      m = Math.min(m, s.get(a, p) - hardest);
    }
    return m;
  }

  @Test
  void keepsTheMostConsistentPairsOfThePool() {
    CurationBatch pool =
        SyntheticBatch.builder(16).seed(8).epoch(1).inconsistentPairs(1, 3, 12).build();
    int[] best =
        IntStream.range(0, 16)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -margin(pool, i)))
            .limit(8)
            .mapToInt(Integer::intValue)
            .sorted()
            .toArray();
    BatchCurator uncapped =
        new BatchCurationCurator(
            new BatchCurationConfig(
                Space.PROJECTION,
                Score.MARGIN,
                CurationAction.SELECT,
                FalseNegatives.KEEP,
                1,
                1.0,
                0.0,
                2.0,
                2));
    assertThat(uncapped.poolSize(8, pool.step())).isEqualTo(16);
    assertThat(uncapped.preview(pool, 8).keep()).containsExactly(best).doesNotContain(1, 3, 12);

    Selection capped = newCurator(1).preview(pool, 8);
    assertThat(capped.keep()).hasSize(8).doesNotContain(1, 3, 12);
    assertThat(Arrays.stream(capped.keep()).filter(i -> i >= 8).count()).isEqualTo(4);
    assertThat(capped.wantsRedraw()).isFalse();
  }
}
