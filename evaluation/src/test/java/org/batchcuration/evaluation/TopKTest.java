package org.batchcuration.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKTest {

  @Test
  void keepsTheKLargestWithLowerIndexWinningTies() {
    Random random = new Random(4);
    float[] values = new float[500];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(50); // many ties
    }
    TopK top = new TopK(37);
    for (int i = 0; i < values.length; i++) {
      top.offer(values[i], i);
    }
    int[] expected =
        IntStream.range(0, values.length)
            .boxed()
            .sorted(
                Comparator.<Integer>comparingDouble(i -> -values[i])
                    .thenComparingInt(Integer::intValue))
            .limit(37)
            .mapToInt(Integer::intValue)
            .sorted()
            .toArray();
    int[] kept = IntStream.range(0, top.size()).map(top::index).sorted().toArray();
    assertThat(kept).containsExactly(expected);
  }
}
