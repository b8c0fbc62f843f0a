package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.batchcuration.api.Matrix;
import org.junit.jupiter.api.Test;

class AlignmentUniformityTest {

  @Test
  void alignmentIsTheMeanSquaredDistanceOfNormalisedPairs() {
    // pair 1: (2,0) vs (0,5) -> unit vectors orthogonal -> distance^2 = 2
    // pair 2: (1,1) vs (3,3) -> same direction -> 0
    Matrix z1 = Matrix.of(2, 2, new float[] {2, 0, 1, 1});
    Matrix z2 = Matrix.of(2, 2, new float[] {0, 5, 3, 3});
    assertThat(AlignmentUniformity.alignment(z1, z2)).isCloseTo(1.0, within(1e-12));
    assertThat(AlignmentUniformity.alignment(z1, z1)).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void uniformityMatchesAHandComputedValue() {
    // three unit vectors: e1, -e1, e2. Squared distances: 4, 2, 2.
    Matrix z = Matrix.of(3, 2, new float[] {1, 0, -1, 0, 0, 7});
    double t = 2;
    double expected = Math.log((Math.exp(-t * 4) + 2 * Math.exp(-t * 2)) / 3);
    assertThat(AlignmentUniformity.uniformity(z, t)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void spreadPointsAreMoreUniformThanClusteredOnes() {
    int n = 64;
    float[] circle = new float[n * 2];
    float[] cluster = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      circle[2 * i] = (float) Math.cos(angle);
      circle[2 * i + 1] = (float) Math.sin(angle);
      cluster[2 * i] = (float) Math.cos(angle * 0.05);
      cluster[2 * i + 1] = (float) Math.sin(angle * 0.05);
    }
    double spread = AlignmentUniformity.uniformity(Matrix.of(n, 2, circle), 2);
    double tight = AlignmentUniformity.uniformity(Matrix.of(n, 2, cluster), 2);
    assertThat(spread).isLessThan(tight);
    assertThat(tight).isLessThanOrEqualTo(0.0).isGreaterThan(-0.5);
  }

  @Test
  void badShapesAreRefused() {
    assertThatThrownBy(
            () ->
                AlignmentUniformity.alignment(
                    Matrix.of(1, 2, new float[] {1, 0}), Matrix.of(1, 3, new float[] {1, 0, 0})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("z1 is 1x2 but z2 is 1x3");
    assertThatThrownBy(() -> AlignmentUniformity.uniformity(Matrix.of(1, 2, new float[2]), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uniformity needs at least 2 rows, was 1");
  }
}
