package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.batchcuration.api.CuratorProvider;
import org.junit.jupiter.api.Test;

/**
 * The declarations the runner's warnings read: every built-in curator with a {@code warmupEpochs}
 * starts acting in that epoch, and exactly the curators that publish pair scores say so.
 */
class CuratorDeclarationsTest {
  private static List<CuratorProvider<?>> providers() {
    List<CuratorProvider<?>> out = new ArrayList<>();
    ServiceLoader.load(CuratorProvider.class).forEach(p -> out.add(p));
    return out;
  }

  @Test
  void theFirstActiveEpochIsTheWarmUpForEveryCuratorThatHasOne() throws Exception {
    assertThat(providers()).hasSizeGreaterThanOrEqualTo(9);
    for (CuratorProvider<?> p : providers()) {
      Record config = p.defaultConfig();
      int expected = 0;
      for (RecordComponent c : config.getClass().getRecordComponents()) {
        if (c.getName().equals("warmupEpochs")) {
          expected = ((Number) c.getAccessor().invoke(config)).intValue();
        }
      }
      assertThat(first(p, config)).as(p.name()).isEqualTo(expected);
    }
    assertThat(first(new BatchCurationProvider(), BatchCurationConfig.defaults()))
        .isEqualTo(BatchCurationConfig.defaults().warmupEpochs());
  }

  @Test
  void onlyTheCuratorsThatPublishPairScoresSaySo() {
    TreeSet<String> publishing = new TreeSet<>();
    for (CuratorProvider<?> p : providers()) {
      if (publishes(p, p.defaultConfig())) {
        publishing.add(p.name());
      }
    }
    assertThat(publishing).containsExactly("batch-curation", "oracle");
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> int first(CuratorProvider<C> p, Record config) {
    return p.firstActiveEpoch((C) config);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> boolean publishes(CuratorProvider<C> p, Record config) {
    return p.publishesPairScores((C) config);
  }
}
