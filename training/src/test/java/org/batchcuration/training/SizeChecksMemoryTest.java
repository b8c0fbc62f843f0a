package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** A batch whose step cannot fit is refused before anything is allocated, naming the field. */
class SizeChecksMemoryTest {
  private static final long GIB = 1L << 30;

  @Test
  void theLowerBoundIsThreeFloatMatricesOfTwoBByTwoB() {
    // an independent count: 3 matrices x (2 x 1000)^2 entries x 4 bytes
    assertThat(SizeChecks.stepBytesLowerBound(1000)).isEqualTo(3L * 2000 * 2000 * 4);
  }

  @Test
  void aBatchWhoseSimilarityExceedsTheMemoryIsRefused() {
    // 2B = 40000: 3 x 1.6e9 x 4 bytes = 19.2e9 bytes = 17.9 GiB
    assertThatThrownBy(() -> SizeChecks.checkMemory(20000, 8 * GIB))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "train.batchSize: a step with a batch of 20000 images needs at least 17.9 GiB for its"
                + " 40000 x 40000 similarity matrices, more than this machine's 8.0 GiB of memory;"
                + " lower train.batchSize");
    SizeChecks.checkMemory(20000, 18 * GIB);
  }

  @Test
  void theIntIndexOfTheSimilarityIsGuarded() {
    // 2 x 23170 = 46340 and 46340^2 < 2^31 - 1 < 46342^2
    assertThat(2L * SizeChecks.MAX_BATCH * 2L * SizeChecks.MAX_BATCH)
        .isLessThanOrEqualTo(Integer.MAX_VALUE);
    assertThat(2L * (SizeChecks.MAX_BATCH + 1) * 2L * (SizeChecks.MAX_BATCH + 1))
        .isGreaterThan(Integer.MAX_VALUE);
    SizeChecks.checkMemory(SizeChecks.MAX_BATCH, Long.MAX_VALUE);
    assertThatThrownBy(() -> SizeChecks.checkMemory(SizeChecks.MAX_BATCH + 1, Long.MAX_VALUE))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "train.batchSize: a batch of 23171 images makes a 46342 x 46342 similarity matrix,"
                + " more entries than the engine can index (2^31 - 1); set train.batchSize to at"
                + " most 23170");
  }
}
