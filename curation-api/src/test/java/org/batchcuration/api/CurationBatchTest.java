package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CurationBatchTest {
  private static final StepInfo STEP = new StepInfo(0, 0, 0, 1, 1);

  private static Matrix gaussian(int rows, int cols, Random rnd) {
    float[] d = new float[rows * cols];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) rnd.nextGaussian();
    }
    return Matrix.wrap(rows, cols, d);
  }

  private static CurationBatch batch(int b, Random rnd, Optional<Matrix> simZ) {
    int[] idx = new int[b];
    for (int i = 0; i < b; i++) {
      idx[i] = 100 + i;
    }
    return new CurationBatch(
        STEP,
        0,
        idx,
        gaussian(b, 5, rnd),
        gaussian(b, 5, rnd),
        gaussian(b, 3, rnd),
        gaussian(b, 3, rnd),
        Optional.empty(),
        simZ);
  }

  @Test
  void aGivenProjectionSimilarityIsUsedAsIs() {
    Matrix given = gaussian(8, 8, new Random(1));
    CurationBatch b = batch(4, new Random(2), Optional.of(given));
    assertThat(b.similarity(Space.PROJECTION)).isSameAs(given);
    // the representation similarity is still computed on the host
    assertThat(b.similarity(Space.REPRESENTATION))
        .isEqualTo(b.h1().stack(b.h2()).cosineSimilarity());
  }

  @Test
  void selectCarriesTheSubMatrixWhichEqualsRecomputing() {
    CurationBatch pool = batch(6, new Random(3), Optional.empty());
    pool.similarity(Space.PROJECTION);
    int[] keep = {4, 0, 5};
    CurationBatch sub = pool.select(keep);
    Matrix expected = sub.z1().stack(sub.z2()).cosineSimilarity();
    assertThat(sub.similarity(Space.PROJECTION)).isEqualTo(expected);
    assertThat(sub.indices()).containsExactly(104, 100, 105);
  }

  @Test
  void aProjectionSimilarityOfTheWrongSizeIsRejected() {
    assertThatThrownBy(() -> batch(4, new Random(4), Optional.of(gaussian(6, 8, new Random(5)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("projectionSimilarity is 6 x 8, a batch of 4 pairs needs 8 x 8");
  }
}
