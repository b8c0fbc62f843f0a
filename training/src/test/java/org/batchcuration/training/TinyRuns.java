package org.batchcuration.training;

import ai.djl.ndarray.NDArray;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.api.PluginKind;
import org.batchcuration.datasets.augment.SimClrAugmenterProvider;
import org.batchcuration.datasets.augment.SimClrConfig;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.datasets.synthetic.SyntheticConfig;
import org.batchcuration.datasets.synthetic.SyntheticProvider;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.simclr.encoder.SmallCnnConfig;
import org.batchcuration.simclr.encoder.SmallCnnEncoderProvider;
import org.batchcuration.simclr.loss.NtXentConfig;
import org.batchcuration.simclr.loss.NtXentLossProvider;

/**
 * Test-scale runs: the synthetic dataset (64 train / 32 test images of 16 px, 4 classes), the
 * SimCLR augmenter, a two-block small CNN, batches of 8 (8 steps per epoch).
 */
final class TinyRuns {
  static final long SEED = 11;
  static final int BATCH = 8;
  static final int STEPS_PER_EPOCH = 8;
  static final int SIDE = 16;
  static final int TEST_COUNT = 32;

  private TinyRuns() {}

  static DatasetSource data() {
    SyntheticConfig c = new SyntheticConfig("", 0, SIDE, 3, 4, 64, TEST_COUNT, 8.0, 5L);
    return new SyntheticProvider().create(c, PluginContext.of(SEED, BATCH, 2));
  }

  static Augmenter augmenter() {
    SimClrConfig d = SimClrConfig.defaults();
    SimClrConfig c =
        new SimClrConfig(
            SIDE,
            d.strength(),
            0.3,
            d.jitterProbability(),
            d.grayscaleProbability(),
            0.0,
            d.mean(),
            d.std());
    return new SimClrAugmenterProvider().create(c, PluginContext.of(SEED, BATCH, 2));
  }

  static Encoder encoder(ImageShape shape) {
    return new SmallCnnEncoderProvider()
        .create(
            new SmallCnnConfig(List.of(8, 16)),
            PluginContext.of(SEED, BATCH, 2).withInputShape(shape));
  }

  static ContrastiveLoss ntXent() {
    return new NtXentLossProvider()
        .create(NtXentConfig.defaults(), PluginContext.of(SEED, BATCH, 2));
  }

  static TrainSettings train(int epochs, NonFinitePolicy nonFinite, int maxSkipped) {
    return new TrainSettings(epochs, BATCH, 2, 2, 4, 1, nonFinite, maxSkipped, 5);
  }

  static EvalSettings eval() {
    return new EvalSettings(20, 0.1, 1, 48, 0, 0.25, List.of(1e-3, 1e-1), 30, true);
  }

  /** Evaluation without the kNN monitor and the random-init baseline (for failure tests). */
  static EvalSettings finalEvalOnly() {
    return new EvalSettings(20, 0.1, 0, 48, 0, 0.25, List.of(1e-3), 10, false);
  }

  static TrainingSpec spec(
      TrainSettings train, ContrastiveLoss loss, BatchCurator curator, String configTag) {
    return spec(train, eval(), loss, curator, configTag);
  }

  static TrainingSpec spec(
      TrainSettings train,
      EvalSettings eval,
      ContrastiveLoss loss,
      BatchCurator curator,
      String configTag) {
    String config =
        String.format(
            Locale.ROOT,
            "{\"seed\":%d,\"data\":{\"type\":\"synthetic\"},\"curator\":{\"type\":\"%s\"},"
                + "\"train\":{\"epochs\":%d,\"nonFinite\":\"%s\"}}",
            SEED,
            configTag,
            train.epochs(),
            train.nonFinite());
    return new TrainingSpec(
        SEED,
        "mxnet",
        "cpu",
        data(),
        augmenter(),
        TinyRuns::encoder,
        new HeadConfig(32, 16, true),
        loss,
        curator,
        OptimizerConfig.defaults(),
        ScheduleConfig.defaults(),
        train,
        eval,
        config,
        List.of(pluginInfo(curator)),
        CorruptionConfig.defaults());
  }

  static PluginInfo pluginInfo(Object plugin) {
    CodeOrigin o = CodeOrigin.of(plugin.getClass());
    return new PluginInfo(
        PluginKind.CURATOR,
        "test-curator",
        plugin.getClass().getName(),
        o.artifact(),
        o.version(),
        o.location(),
        "a curator of the tests");
  }

  static TrainingSpec spec(int epochs) {
    return spec(
        train(epochs, NonFinitePolicy.STOP, 10), ntXent(), new DroppingCurator(), "dropping");
  }

  /**
   * A stateful curator: drops pair {@code calls % B} from the loss on every other call. Its call
   * counter is its checkpointed state, so a resume that forgot to restore it would diverge.
   */
  static final class DroppingCurator implements BatchCurator {
    private int calls;

    @Override
    public CurationDecision decide(CurationBatch batch) {
      int n = calls++;
      if (n % 2 == 1) {
        return CurationDecision.builder(batch.size())
            .dropPair(n % batch.size())
            .metric("calls", n)
            .build();
      }
      return CurationDecision.builder(batch.size()).metric("calls", n).build();
    }

    @Override
    public byte[] saveState() {
      return ByteBuffer.allocate(4).putInt(calls).array();
    }

    @Override
    public void restoreState(byte[] state) {
      calls = ByteBuffer.wrap(state).getInt();
    }
  }

  /** A curator that throws from {@code decide} at one call. */
  static final class ThrowingCurator implements BatchCurator {
    private final int failAt;
    private int calls;

    ThrowingCurator(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public CurationDecision decide(CurationBatch batch) {
      if (calls++ == failAt) {
        throw new IllegalStateException("curator bug at call " + failAt);
      }
      return CurationDecision.keepAll(batch.size());
    }
  }

  /** NT-Xent that returns NaN at the given calls (one call per step). */
  static final class NanLoss implements ContrastiveLoss {
    private final ContrastiveLoss delegate = ntXent();
    private final List<Integer> nanAt;
    private int calls;

    NanLoss(Integer... nanAt) {
      this.nanAt = List.of(nanAt);
    }

    @Override
    public NDArray compute(NDArray z1, NDArray z2, CurationDecision decision) {
      NDArray loss = delegate.compute(z1, z2, decision);
      return nanAt.contains(calls++) ? loss.mul(Float.NaN) : loss;
    }
  }
}
