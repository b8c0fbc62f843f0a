package org.batchcuration.simclr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Matrix;
import org.batchcuration.api.PluginContext;
import org.batchcuration.api.Space;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.simclr.encoder.SmallCnnConfig;
import org.batchcuration.simclr.encoder.SmallCnnEncoderProvider;
import org.batchcuration.simclr.loss.NtXentLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimClrTrainerTest {
  private static final ImageShape GREY = new ImageShape(1, 12, 12);

  private static List<Double> run(
      SimClrTrainer t, SyntheticViews views, int from, int steps, int b) {
    List<Double> losses = new ArrayList<>();
    for (int s = from; s < from + steps; s++) {
      losses.add(t.step(views.batch(s, b), views, TrainerFixture.info(s)).loss());
    }
    return losses;
  }

  @Test
  void sameSeedGivesIdenticalLossSequence() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 3);
    List<Double> a;
    List<Double> b;
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.none()))) {
      a = run(t, views, 0, 20, 8);
    }
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.none()))) {
      b = run(t, views, 0, 20, 8);
    }
    assertThat(a).hasSize(20).doesNotContainNull();
    assertThat(b).isEqualTo(a);
    assertThat(a.get(0)).isNotEqualTo(a.get(19));
  }

  @Test
  void engineSimilarityMatchesTheHostComputation() {
    java.util.Random rnd = new java.util.Random(3);
    int b = 37;
    int d = 19;
    float[] a1 = new float[b * d];
    float[] a2 = new float[b * d];
    for (int i = 0; i < a1.length; i++) {
      a1[i] = (float) rnd.nextGaussian();
      a2[i] = (float) (rnd.nextGaussian() * 5);
    }
    // a zero row: zeros on both sides, as Matrix.normalizeRows leaves it
    java.util.Arrays.fill(a2, 4 * d, 5 * d, 0f);
    Matrix host = Matrix.wrap(b, d, a1).stack(Matrix.wrap(b, d, a2)).cosineSimilarity();
    Matrix engine;
    try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager(Device.cpu())) {
      engine =
          SimClrTrainer.projectionSimilarity(
              m.create(a1, new Shape(b, d)), m.create(a2, new Shape(b, d)));
    }
    assertThat(engine.rows()).isEqualTo(2 * b);
    assertThat(engine.cols()).isEqualTo(2 * b);
    for (int i = 0; i < 2 * b; i++) {
      for (int j = 0; j < 2 * b; j++) {
        assertThat(engine.get(i, j))
            .as("(%d, %d)", i, j)
            .isCloseTo(host.get(i, j), org.assertj.core.api.Assertions.within(2e-6f));
        assertThat(engine.get(i, j)).isEqualTo(engine.get(j, i));
      }
    }
    assertThat(engine.get(b + 4, 0)).isZero();
  }

  @Test
  void theStepHandsTheCuratorTheEngineSimilarityAndSplitsItsTime() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 3);
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.none()))) {
      StepResult r = t.step(views.batch(0, 8), views, TrainerFixture.info(0));
      Matrix given = r.batch().similarity(Space.PROJECTION);
      Matrix host = r.batch().z1().stack(r.batch().z2()).cosineSimilarity();
      for (int i = 0; i < 16; i++) {
        for (int j = 0; j < 16; j++) {
          assertThat(given.get(i, j))
              .isCloseTo(host.get(i, j), org.assertj.core.api.Assertions.within(2e-6f));
        }
      }
      StepTimes times = r.times();
      assertThat(times.forwardBackwardNanos()).isPositive();
      assertThat(times.updateNanos()).isPositive();
      assertThat(times.hostNanos()).isPositive();
      assertThat(times.curationNanos()).isLessThanOrEqualTo(times.totalNanos());
    }
  }

  @Test
  void resumedRunContinuesBitForBit() throws IOException {
    SyntheticViews views = new SyntheticViews(GREY, 4, 5);
    for (org.batchcuration.simclr.optim.OptimizerType type :
        org.batchcuration.simclr.optim.OptimizerType.values()) {
      java.util.function.Supplier<TrainerSpec> spec =
          () ->
              TrainerFixture.spec(
                  GREY,
                  List.of(8, 16),
                  8,
                  TestCurators.none(),
                  new NtXentLoss(0.5),
                  OptimizerConfig.defaults().withType(type).withLr(0.05),
                  List.of(Device.cpu()));
      List<Double> straight;
      byte[] state;
      try (SimClrTrainer t = new SimClrTrainer(spec.get())) {
        run(t, views, 0, 3, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.saveState(out);
        state = out.toByteArray();
        straight = run(t, views, 3, 4, 8);
      }
      try (SimClrTrainer t = new SimClrTrainer(spec.get())) {
        t.loadState(new ByteArrayInputStream(state));
        assertThat(run(t, views, 3, 4, 8)).as(type.toString()).isEqualTo(straight);
      }
    }
  }

  @Test
  void previewKeepsBatchNormStatisticsAndTrainsOnTheSameBatch() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 9);
    ViewBatch batch = views.batch(0, 8);
    float[] probe = views.batch(99, 4).view1();
    StepResult plain;
    StepResult previewed;
    float[] plainEmbedding;
    float[] previewEmbedding;
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.none()))) {
      plain = t.step(batch, views, TrainerFixture.info(0));
      plainEmbedding = t.embed(probe, 4);
    }
    try (SimClrTrainer t =
        new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.previewAccept()))) {
      previewed = t.step(batch, views, TrainerFixture.info(0));
      previewEmbedding = t.embed(probe, 4);
    }
    assertThat(plain.previews()).isZero();
    assertThat(previewed.previews()).isEqualTo(1);
    assertThat(previewed.loss()).isEqualTo(plain.loss());
    // embed uses running statistics: a preview that moved them would change the embedding
    assertThat(previewEmbedding).containsExactly(plainEmbedding);
  }

  @Test
  void poolSelectionAndRedrawsFollowTheCurator() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 11);
    int[] attempts = new int[4];
    try (SimClrTrainer t =
        new SimClrTrainer(TrainerFixture.tiny(GREY, 4, TestCurators.selectAndRedraw(attempts)))) {
      ViewBatch pool = views.batch(0, 8);
      StepResult r = t.step(pool, views, TrainerFixture.info(0));
      assertThat(r.selectedFrom()).isEqualTo(8);
      assertThat(r.previews()).isEqualTo(3);
      assertThat(r.redrawnPairs()).isEqualTo(2);
      assertThat(attempts).containsExactly(1, 1, 1, 0);
      assertThat(r.batch().indices())
          .containsExactly(
              pool.indices()[1], pool.indices()[3], pool.indices()[5], pool.indices()[7]);
      assertThat(r.batch().attempt()).isEqualTo(2);
      assertThat(r.decision().keptPairs()).isEqualTo(3);
      assertThat(r.finite()).isTrue();
    }
  }

  @Test
  void nonFiniteLossSkipsTheUpdate() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 13);
    ContrastiveLoss nan = (z1, z2, d) -> z1.sum().mul(Float.NaN);
    TrainerSpec spec =
        TrainerFixture.spec(
            GREY,
            List.of(8),
            4,
            TestCurators.none(),
            nan,
            OptimizerConfig.defaults(),
            List.of(Device.cpu()));
    float[] probe = views.batch(50, 2).view1();
    try (SimClrTrainer t = new SimClrTrainer(spec)) {
      ByteArrayOutputStream before = new ByteArrayOutputStream();
      ByteArrayOutputStream after = new ByteArrayOutputStream();
      float[] e0 = t.embed(probe, 2);
      saveQuietly(t, before);
      StepResult r = t.step(views.batch(0, 4), views, TrainerFixture.info(0));
      saveQuietly(t, after);
      assertThat(r.finite()).isFalse();
      assertThat(r.loss()).isNaN();
      assertThat(after.toByteArray()).isEqualTo(before.toByteArray());
      assertThat(t.embed(probe, 2)).containsExactly(e0);
    }
  }

  @Test
  void rejectsViewsOfAnotherShapeAndTooFewCandidates() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 1);
    SyntheticViews colour = new SyntheticViews(new ImageShape(3, 12, 12), 4, 1);
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 4, TestCurators.none()))) {
      assertThatThrownBy(() -> t.step(colour.batch(0, 4), colour, TrainerFixture.info(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("views are 3x12x12, the encoder was built for 1x12x12");
      assertThatThrownBy(() -> t.step(views.batch(0, 3), views, TrainerFixture.info(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("need at least 4 candidates, got 3");
    }
  }

  @Test
  void manyStepsLeakNoNDArrays() {
    ImageShape shape = new ImageShape(1, 6, 6);
    SyntheticViews views = new SyntheticViews(shape, 2, 17);
    TrainerSpec spec =
        TrainerFixture.spec(
            shape,
            List.of(4),
            4,
            TestCurators.previewAccept(),
            new NtXentLoss(0.5),
            OptimizerConfig.defaults(),
            List.of(Device.cpu()));
    try (SimClrTrainer t = new SimClrTrainer(spec)) {
      ViewBatch batch = views.batch(0, 4);
      for (int s = 0; s < 20; s++) {
        t.step(batch, views, TrainerFixture.info(s));
      }
      NdArrayStats warm = t.nativeStats();
      for (int s = 20; s < 500; s++) {
        t.step(batch, views, TrainerFixture.info(s));
      }
      NdArrayStats end = t.nativeStats();
      System.out.println(
          "leak test: open arrays "
              + warm.openArrays()
              + " -> "
              + end.openArrays()
              + ", RSS growth bytes "
              + (end.residentBytes() - warm.residentBytes()));
      assertThat(end.openArrays()).isEqualTo(warm.openArrays());
      if (warm.residentBytes() > 0) {
        assertThat(end.residentBytes() - warm.residentBytes()).isLessThan(256L << 20);
      }
    }
  }

  @Test
  void aReusedEncoderIsRefused() {
    TrainerSpec spec = TrainerFixture.tiny(GREY, 4, TestCurators.none());
    try (SimClrTrainer t = new SimClrTrainer(spec)) {
      assertThatThrownBy(() -> new SimClrTrainer(spec))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "the encoder's block is already initialised: create a new Encoder for each trainer");
      assertThat(t.representationDim()).isEqualTo(16);
    }
  }

  @Test
  void reportedLossIsNtXentOverTheWholeBatch() {
    SyntheticViews views = new SyntheticViews(GREY, 4, 19);
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 8, TestCurators.none()))) {
      StepResult r = t.step(views.batch(0, 8), views, TrainerFixture.info(0));
      assertThat(r.loss())
          .isCloseTo(
              HostNtXent.loss(r.batch().z1(), r.batch().z2(), 0.5),
              org.assertj.core.api.Assertions.within(1e-4));
    }
  }

  @Test
  void savedEncoderLoadsIntoAFreshEncoderAndEmbedsTheSame(@TempDir Path dir) throws Exception {
    SyntheticViews views = new SyntheticViews(GREY, 4, 29);
    float[] probe = views.batch(7, 3).view1();
    float[] expected;
    try (SimClrTrainer t = new SimClrTrainer(TrainerFixture.tiny(GREY, 4, TestCurators.none()))) {
      t.step(views.batch(0, 4), views, TrainerFixture.info(0));
      expected = t.embed(probe, 3);
      t.saveEncoderModel(dir, "encoder");
    }
    assertThat(dir.resolve("encoder-0000.params")).exists();
    Encoder fresh =
        new SmallCnnEncoderProvider()
            .create(
                new SmallCnnConfig(List.of(8, 16)), PluginContext.of(1, 4, 1).withInputShape(GREY));
    try (Model model = Model.newInstance("encoder")) {
      model.setBlock(fresh.block());
      model.load(dir, "encoder");
      NDArray x = model.getNDManager().create(probe, new Shape(3, 1, 12, 12));
      float[] got =
          fresh
              .block()
              .forward(new ParameterStore(model.getNDManager(), false), new NDList(x), false)
              .singletonOrThrow()
              .toFloatArray();
      assertThat(got).containsExactly(expected);
    }
  }

  private static void saveQuietly(SimClrTrainer t, ByteArrayOutputStream out) {
    try {
      t.saveState(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
