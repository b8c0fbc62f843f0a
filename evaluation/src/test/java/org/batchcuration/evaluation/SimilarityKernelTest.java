package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SimilarityKernelTest {

  @Test
  void matchesPlainDotProductsIncludingRemainderRowsAndColumns() {
    int dim = 5;
    TestData q = TestData.blobs(11, dim, 3, 1.0, 1.0, 1); // 11 = 2 groups of 4 + 3 left over
    TestData r = TestData.blobs(7, dim, 3, 1.0, 1.0, 2); // 7 = 3 pairs + 1 left over
    int from = 1;
    int to = 11;
    float[][] out = new float[to - from][7];
    SimilarityKernel.block(q.x, from, to, r.x, 7, dim, out);
    for (int i = from; i < to; i++) {
      for (int j = 0; j < 7; j++) {
        double expected = 0;
        for (int c = 0; c < dim; c++) {
          expected += (double) q.x[i * dim + c] * r.x[j * dim + c];
        }
        assertThat((double) out[i - from][j])
            .as("(%d, %d)", i, j)
            .isCloseTo(expected, within(1e-5));
      }
    }
  }
}
