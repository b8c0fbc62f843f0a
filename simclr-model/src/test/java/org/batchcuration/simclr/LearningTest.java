package org.batchcuration.simclr;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import java.util.List;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Matrix;
import org.batchcuration.simclr.loss.NtXentLoss;
import org.junit.jupiter.api.Test;

/** A small CNN on procedural images with class structure learns: NT-Xent and alignment fall. */
class LearningTest {
  @Test
  void ntXentAndAlignmentFallWhileUniformityStaysSpread() {
    ImageShape shape = new ImageShape(3, 12, 12);
    SyntheticViews views = new SyntheticViews(shape, 4, 23);
    int b = 32;
    TrainerSpec spec =
        TrainerFixture.spec(
            shape,
            List.of(16, 32),
            b,
            TestCurators.none(),
            new NtXentLoss(0.5),
            OptimizerConfig.defaults().withLr(3e-3),
            List.of(Device.cpu()));
    double first = 0;
    double last = 0;
    double alignFirst = 0;
    double alignLast = 0;
    double uniformLast = 0;
    int steps = 60;
    int window = 10;
    try (SimClrTrainer t = new SimClrTrainer(spec)) {
      for (int s = 0; s < steps; s++) {
        StepResult r = t.step(views.batch(s, b), views, TrainerFixture.info(s));
        Matrix z1 = r.batch().z1();
        Matrix z2 = r.batch().z2();
        if (s < window) {
          first += r.loss() / window;
          alignFirst += AlignUniform.alignment(z1, z2) / window;
        } else if (s >= steps - window) {
          last += r.loss() / window;
          alignLast += AlignUniform.alignment(z1, z2) / window;
          uniformLast += AlignUniform.uniformity(z1.stack(z2), 2) / window;
        }
      }
    }
    System.out.printf(
        "learning: loss %.4f -> %.4f, alignment %.4f -> %.4f, uniformity %.4f%n",
        first, last, alignFirst, alignLast, uniformLast);
    assertThat(last).isLessThan(first - 0.2);
    assertThat(alignLast).isLessThan(alignFirst * 0.8);
    // a collapsed embedding has uniformity 0; spread embeddings are clearly negative
    assertThat(uniformLast).isLessThan(-1.0);
  }
}
