package org.batchcuration.strategies;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.TreeSet;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CuratorProvider;
import org.junit.jupiter.api.Test;

/**
 * The declarations the runner's warnings and the matched controls read: every built-in curator with
 * a {@code warmupEpochs} starts acting in that epoch, exactly the curators that publish pair scores
 * say so, and exactly the curators with one way of curating declare it for a {@code random}
 * control.
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

  @Test
  void theCuratorsWithOneActionDeclareItForMatchedControls() {
    TreeMap<String, String> declared = new TreeMap<>();
    for (CuratorProvider<?> p : providers()) {
      action(p, p.defaultConfig()).ifPresent(a -> declared.put(p.name(), a.toString()));
    }
    assertThat(declared)
        .containsExactlyEntriesOf(
            new TreeMap<>(
                Map.of(
                    "batch-curation", "drop",
                    "frechet-bad-batch", "redraw",
                    "loss-selection", "select")));
    BatchCurationConfig reweight =
        new BatchCurationConfig(
            BatchCurationConfig.defaults().space(),
            BatchCurationConfig.defaults().score(),
            CurationAction.REWEIGHT,
            BatchCurationConfig.defaults().falseNegatives(),
            1,
            0.25,
            0.5,
            2.0,
            2);
    assertThat(new BatchCurationProvider().matchedAction(reweight))
        .contains(CurationAction.REWEIGHT);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> Optional<CurationAction> action(
      CuratorProvider<C> p, Record config) {
    return p.matchedAction((C) config);
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
