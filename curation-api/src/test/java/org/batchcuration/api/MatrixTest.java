package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MatrixTest {

  @Test
  void cosineSimilarityMatchesADoublePrecisionReference() {
    Random r = new Random(5);
    int n = 37;
    int d = 13;
    float[] x = new float[n * d];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    Matrix sim = Matrix.of(n, d, x).cosineSimilarity();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0;
        double ni = 0;
        double nj = 0;
        for (int c = 0; c < d; c++) {
          dot += (double) x[i * d + c] * x[j * d + c];
          ni += (double) x[i * d + c] * x[i * d + c];
          nj += (double) x[j * d + c] * x[j * d + c];
        }
        assertThat((double) sim.get(i, j)).isCloseTo(dot / Math.sqrt(ni * nj), within(1e-5));
      }
    }
  }

  @Test
  void timesTransposeMatchesNaiveProduct() {
    Matrix a = Matrix.of(2, 9, new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 0, 1, 0, 1, 0, 1, 0});
    Matrix b = Matrix.of(1, 9, new float[] {1, 1, 1, 1, 1, 1, 1, 1, 2});
    Matrix p = a.timesTranspose(b);
    assertThat(p.rows()).isEqualTo(2);
    assertThat(p.get(0, 0)).isEqualTo(54f);
    assertThat(p.get(1, 0)).isEqualTo(4f);
  }

  @Test
  void copiesItsInputAndRefusesWrongSizes() {
    float[] data = {1, 2, 3, 4};
    Matrix m = Matrix.of(2, 2, data);
    data[0] = 99;
    assertThat(m.get(0, 0)).isEqualTo(1f);
    assertThat(m.stack(m).selectRows(new int[] {3, 0}).toArray()).containsExactly(3, 4, 1, 2);
    assertThatThrownBy(() -> Matrix.of(2, 3, data)).hasMessage("data has 4 values, expected 2 x 3");
  }

  @Test
  void theTiledMirrorCopiesTheUpperTriangleExactlyAsThePlainLoop() {
    Random rnd = new Random(5);
    for (int n : new int[] {0, 1, 2, 15, 16, 17, 31, 32, 33, 64, 100}) {
      float[] tiled = new float[n * n];
      for (int i = 0; i < tiled.length; i++) {
        tiled[i] = rnd.nextFloat();
      }
      float[] plain = tiled.clone();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          plain[j * n + i] = plain[i * n + j];
        }
      }
      Matrix.mirrorUpperTriangle(tiled, n);
      assertThat(tiled).as("n = %d", n).containsExactly(plain);
    }
    assertThatThrownBy(() -> Matrix.mirrorUpperTriangle(new float[8], 3))
        .hasMessage("data has 8 values, expected 3 x 3");
  }
}
