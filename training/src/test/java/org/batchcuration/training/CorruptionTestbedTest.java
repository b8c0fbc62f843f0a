package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationAction;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Space;
import org.batchcuration.api.StepInfo;
import org.batchcuration.datasets.augment.SimClrAugmenterProvider;
import org.batchcuration.datasets.augment.SimClrConfig;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.datasets.synthetic.SyntheticConfig;
import org.batchcuration.datasets.synthetic.SyntheticProvider;
import org.batchcuration.runfolder.RunJson;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.strategies.BatchCurationConfig;
import org.batchcuration.strategies.BatchCurationConfig.FalseNegatives;
import org.batchcuration.strategies.BatchCurationConfig.Score;
import org.batchcuration.strategies.BatchCurationCurator;
import org.batchcuration.strategies.OracleConfig;
import org.batchcuration.strategies.OracleCurator;
import org.batchcuration.strategies.RandomConfig;
import org.batchcuration.strategies.RandomCurator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corruption testbed end to end on a short synthetic run: ground truth stays out of the
 * curator's reach, batch curation finds the corrupted pairs far better than chance, and the random
 * control sits at chance (the corrupted fraction).
 */
class CorruptionTestbedTest {
  private static final int BATCH = 32;
  private static final CorruptionConfig SWAP =
      new CorruptionConfig(0.3, CorruptionConfig.Mode.SWAP, 0);
  private static final BatchCurationConfig DROP =
      new BatchCurationConfig(
          Space.PROJECTION,
          Score.RANK,
          CurationAction.DROP,
          FalseNegatives.KEEP,
          1,
          0.5,
          0.0,
          2.0,
          2);

  @TempDir Path tmp;

  private static DatasetSource data() {
    SyntheticConfig c = new SyntheticConfig("", 0, 16, 3, 8, 128, 32, 8.0, 5L);
    return new SyntheticProvider().create(c, PluginContext.of(TinyRuns.SEED, BATCH, 3));
  }

  /** Crops and flips without colour changes: each synthetic class keeps its hue. */
  private static Augmenter augmenter() {
    SimClrConfig d = SimClrConfig.defaults();
    SimClrConfig c = new SimClrConfig(16, 0.0, 0.5, 0.0, 0.0, 0.0, d.mean(), d.std());
    return new SimClrAugmenterProvider().create(c, PluginContext.of(TinyRuns.SEED, BATCH, 3));
  }

  private static TrainingSpec spec(BatchCurator curator, CorruptionConfig corruption) {
    TrainSettings t = new TrainSettings(3, BATCH, 2, 2, 4, 1, NonFinitePolicy.STOP, 10, 5);
    return new TrainingSpec(
        TinyRuns.SEED,
        "mxnet",
        "cpu",
        data(),
        augmenter(),
        TinyRuns::encoder,
        new HeadConfig(32, 16, true),
        TinyRuns.ntXent(),
        curator,
        OptimizerConfig.defaults(),
        ScheduleConfig.defaults(),
        t,
        TinyRuns.finalEvalOnly(),
        "{\"seed\":11,\"corruption\":" + corruption.fraction() + "}",
        List.of(TinyRuns.pluginInfo(curator)),
        corruption);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> corruption(String name, BatchCurator curator) {
    Path dir = tmp.resolve(name);
    TrainingRun.run(
        spec(curator, SWAP), dir, RunMode.FRESH, TrainingListener.NONE, new CancellationToken());
    return (Map<String, Object>) RunJson.readMap(dir.resolve("result.json")).get("corruption");
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  void batchCurationFindsTheCorruptedPairsAndRandomSitsAtChance() {
    Map<String, Object> curated = corruption("batch-curation", new BatchCurationCurator(DROP));
    // the matched control: as many pairs as batch curation drops on each batch, at random
    RandomConfig control =
        new RandomConfig(
            0.0, RandomConfig.Action.DROP, Map.of("type", "batch-curation"), 0.5, 2.0, 1, 1, 1.0);
    Map<String, Object> random =
        corruption(
            "random",
            new RandomCurator(
                control,
                CurationAction.DROP,
                Optional.of(new BatchCurationCurator(DROP)),
                TinyRuns.SEED));
    Map<String, Object> none = corruption("none", new NoCuration());

    assertThat(curated)
        .containsEntry("fraction", 0.3)
        .containsEntry("mode", "swap")
        .containsEntry("active_steps", 8);
    assertThat(number(curated, "auroc")).isGreaterThan(0.8);
    assertThat(number(curated, "precision")).isGreaterThan(number(random, "precision") + 0.2);
    // the control flags as many pairs, at random: its precision is the corrupted fraction
    assertThat(number(random, "precision")).isBetween(0.2, 0.4);
    assertThat(random.get("auroc")).isNull();
    assertThat(none).containsEntry("active_steps", 0);
    assertThat(none.get("auroc")).isNull();
    assertThat(none.get("precision")).isNull();
    assertThat(none.get("recall")).isNull();
  }

  /**
   * The oracle's path: the trainer hands it exactly the planted pairs of each training batch, so it
   * flags them with precision 1 and recall 1 (up to its cap), and its score has AUROC 1.
   */
  @Test
  void theOracleFlagsExactlyThePlantedPairs() {
    Map<String, Object> all =
        corruption(
            "oracle", new OracleCurator(new OracleConfig(OracleConfig.Action.DROP, 0.5, 1, 1.0)));
    assertThat(all).containsEntry("active_steps", 8);
    assertThat(number(all, "precision")).isEqualTo(1.0);
    assertThat(number(all, "recall")).isEqualTo(1.0);
    assertThat(number(all, "auroc")).isEqualTo(1.0);
    // round(0.3 x 32) = 10 planted pairs a step, the cap floor(0.125 x 32) = 4 of them
    Map<String, Object> capped =
        corruption(
            "oracle-capped",
            new OracleCurator(new OracleConfig(OracleConfig.Action.REWEIGHT, 0.5, 1, 0.125)));
    assertThat(number(capped, "precision")).isEqualTo(1.0);
    assertThat(number(capped, "recall"))
        .isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void aSpecMovedToAnotherDeviceKeepsItsCorruption() {
    TrainingSpec spec = spec(new NoCuration(), SWAP);
    TrainingSpec placed = spec.withDevice("gpu:0");
    assertThat(placed.device()).isEqualTo("gpu:0");
    assertThat(placed.corruption()).isEqualTo(SWAP);
    assertThat(placed.withDevice(spec.device())).isEqualTo(spec);
  }

  @Test
  void groundTruthIsInvisibleToCurators() {
    for (Class<?> seen : List.of(CurationBatch.class, StepInfo.class, PluginContext.class)) {
      for (Method m : seen.getMethods()) {
        assertThat(m.getName().toLowerCase(java.util.Locale.ROOT))
            .as(seen.getSimpleName() + "." + m.getName())
            .doesNotContain("corrupt")
            .doesNotContain("truth");
        assertThat(m.getReturnType()).isNotEqualTo(boolean[].class);
      }
    }
    // what a curator sees of a corrupted run differs from a clean run only in the embeddings
    Spy clean = new Spy();
    Spy corrupted = new Spy();
    TrainingRun.run(
        spec(clean, CorruptionConfig.defaults()),
        tmp.resolve("clean"),
        RunMode.FRESH,
        TrainingListener.NONE,
        new CancellationToken());
    TrainingRun.run(
        spec(corrupted, SWAP),
        tmp.resolve("corrupted"),
        RunMode.FRESH,
        TrainingListener.NONE,
        new CancellationToken());
    assertThat(corrupted.indices).hasSameSizeAs(clean.indices);
    for (int i = 0; i < clean.indices.size(); i++) {
      assertThat(corrupted.indices.get(i)).isEqualTo(clean.indices.get(i));
      assertThat(corrupted.labels.get(i)).isEqualTo(clean.labels.get(i));
    }
    assertThat(RunJson.readMap(tmp.resolve("clean").resolve("result.json")))
        .doesNotContainKey("corruption");
  }

  /** Plain SimCLR. */
  private static final class NoCuration implements BatchCurator {
    @Override
    public CurationDecision decide(CurationBatch batch) {
      return CurationDecision.keepAll(batch.size());
    }
  }

  /** Records everything a curator can read besides the embeddings. */
  private static final class Spy implements BatchCurator {
    final List<int[]> indices = new ArrayList<>();
    final List<String> labels = new ArrayList<>();

    @Override
    public CurationDecision decide(CurationBatch batch) {
      indices.add(batch.indices());
      labels.add(batch.labels().map(Arrays::toString).orElse(""));
      return CurationDecision.keepAll(batch.size());
    }
  }
}
