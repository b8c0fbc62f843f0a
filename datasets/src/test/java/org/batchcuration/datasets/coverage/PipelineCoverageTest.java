package org.batchcuration.datasets.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Split;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.datasets.EpochBatches;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.datasets.augment.OpAugmenter;
import org.batchcuration.datasets.augment.SimClrAugmenterProvider;
import org.batchcuration.datasets.augment.SimClrConfig;
import org.batchcuration.datasets.corrupt.CorruptionConfig;
import org.batchcuration.datasets.synthetic.SyntheticConfig;
import org.batchcuration.datasets.synthetic.SyntheticProvider;
import org.junit.jupiter.api.Test;

/** The pipeline records each view's object coverage, through subsets and redraws. */
class PipelineCoverageTest {
  private static final PluginContext CTX = PluginContext.of(1, 8, 1);
  private static final ImageDataset DATA =
      new SyntheticProvider()
          .create(new SyntheticConfig("", 0, 16, 3, 4, 40, 8, 8.0, 5), CTX)
          .load(Split.TRAIN);
  private static final long SEED = 99;

  private static Augmenter simclr() {
    SimClrConfig d = SimClrConfig.defaults();
    return new SimClrAugmenterProvider()
        .create(new SimClrConfig(12, 0.5, 0.08, 0.8, 0.2, 0.5, d.mean(), d.std()), CTX);
  }

  private static TwoViewPipeline pipeline(CorruptionConfig corruption, boolean coverage) {
    return new TwoViewPipeline(
        DATA, simclr(), new PipelineConfig(2, 2), SEED, corruption, coverage);
  }

  private static ViewBatch first(TwoViewPipeline p) {
    try (EpochBatches e = p.epoch(0, 8, 0, s -> 8)) {
      return e.next();
    }
  }

  @Test
  void eachViewsCoverageIsThatOfItsCrop() {
    OpAugmenter aug = (OpAugmenter) simclr();
    byte[] pixels = new byte[DATA.shape().size()];
    try (TwoViewPipeline p = pipeline(CorruptionConfig.defaults(), true)) {
      ViewBatch b = first(p);
      assertThat(b.coverage()).hasSize(16);
      for (int i = 0; i < 8; i++) {
        DATA.copyImage(b.indices()[i], pixels, 0);
        for (int v = 0; v < 2; v++) {
          long seed = org.batchcuration.datasets.augment.ViewRng.viewSeed(SEED, 0, 0, i, v, 0);
          double want =
              ObjectCoverage.of(pixels, 0, DATA.shape(), aug.cropBox(DATA.shape(), seed).get());
          assertThat(b.coverage()[2 * i + v])
              .as("pair " + i + " view " + v)
              .isEqualTo((float) want);
          assertThat(want).isBetween(0.0, 1.0);
        }
      }
      // the views themselves are those of a pipeline that does not measure coverage
      try (TwoViewPipeline plain = pipeline(CorruptionConfig.defaults(), false)) {
        ViewBatch q = first(plain);
        assertThat(q.hasCoverage()).isFalse();
        assertThat(q.view1()).isEqualTo(b.view1());
        assertThat(q.view2()).isEqualTo(b.view2());
      }
      ViewBatch sub = b.subset(new int[] {3, 1});
      assertThat(sub.coverage())
          .containsExactly(b.coverage()[6], b.coverage()[7], b.coverage()[2], b.coverage()[3]);
      // a redraw at attempt 0 reproduces the views and their coverage; attempt 1 draws others
      assertThat(p.redraw(b, new int[] {2, 5}, 0)).isEqualTo(b);
      ViewBatch again = p.redraw(b, new int[] {2}, 1);
      assertThat(again.coverage()[4]).isNotEqualTo(b.coverage()[4]);
      assertThat(again.coverage()[0]).isEqualTo(b.coverage()[0]);
    }
  }

  @Test
  void aSwappedSecondViewCoversNothingOfItsPairsImage() {
    try (TwoViewPipeline p =
        pipeline(new CorruptionConfig(0.5, CorruptionConfig.Mode.SWAP, 0), true)) {
      ViewBatch b = first(p);
      for (int i = 0; i < 8; i++) {
        if (b.isCorrupted(i)) {
          assertThat(b.coverage()[2 * i + 1]).isZero();
        }
      }
    }
  }

  @Test
  void refusedWhenTheAugmentersCropCannotBeTold() {
    Augmenter cropLater =
        new OpAugmenter(
            List.of(
                new org.batchcuration.datasets.augment.Resize(16),
                new org.batchcuration.datasets.augment.RandomResizedCrop(
                    12, 0.2, 1, 0.75, 4.0 / 3, 0)));
    assertThatThrownBy(
            () ->
                new TwoViewPipeline(
                    DATA,
                    cropLater,
                    new PipelineConfig(1, 1),
                    SEED,
                    CorruptionConfig.defaults(),
                    true))
        .isInstanceOf(org.batchcuration.api.InvalidConfigException.class)
        .hasMessage(
            "train.coverageThreshold: object coverage needs an augmenter whose first op is a random resized crop (simclr,"
                + " or compose starting with one); OpAugmenter is not");
  }
}
