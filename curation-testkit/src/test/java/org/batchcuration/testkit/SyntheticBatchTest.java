package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.Space;
import org.junit.jupiter.api.Test;

class SyntheticBatchTest {
  @Test
  void plantedDefectsHaveTheIntendedGeometry() {
    CurationBatch b =
        SyntheticBatch.builder(16).seed(2).inconsistentPairs(3).sameClass(5, 11).build();
    float[] pos = b.positiveSimilarity(Space.PROJECTION);
    for (int i = 0; i < 16; i++) {
      if (i != 3) {
        assertThat(pos[i]).as("consistent pair " + i).isGreaterThan(0.7f).isGreaterThan(pos[3]);
      }
    }
    assertThat(b.similarity(Space.PROJECTION).get(5, 11)).isGreaterThan(0.7f);
    assertThat(b.labels().orElseThrow()[11]).isEqualTo(5);
    assertThat(b.labels().orElseThrow()[3]).isEqualTo(3);
  }

  @Test
  void sameSeedSameBatchAndDegenerateForms() {
    assertThat(SyntheticBatch.random(8, 5).z1()).isEqualTo(SyntheticBatch.random(8, 5).z1());
    assertThat(SyntheticBatch.random(8, 5).z1()).isNotEqualTo(SyntheticBatch.random(8, 6).z1());
    CurationBatch same = SyntheticBatch.builder(4).identical().build();
    assertThat(same.z1().row(0)).isEqualTo(same.z2().row(3));
    CurationBatch zeros = SyntheticBatch.builder(4).zeros().withoutLabels().build();
    assertThat(zeros.h1().toArray()).containsOnly(0f);
    assertThat(zeros.hasLabels()).isFalse();
    CurationBatch bad = SyntheticBatch.builder(32).seed(3).badBatch(3).build();
    double meanShift = 0;
    for (int i = 0; i < 32; i++) {
      meanShift += bad.positiveSimilarity(Space.PROJECTION)[i] / 32;
    }
    assertThat(meanShift).isLessThan(0.6);
  }
}
