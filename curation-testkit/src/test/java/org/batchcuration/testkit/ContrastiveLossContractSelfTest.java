package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Optional;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.CurationDecision;
import org.junit.jupiter.api.Test;

/** The loss contract catches broken losses and passes a correct one (on MXNet). */
class ContrastiveLossContractSelfTest {

  /** How a test loss goes wrong. */
  private enum Fault {
    NONE,
    IGNORES_PAIR_WEIGHTS,
    IGNORES_NEGATIVE_WEIGHTS,
    MASKS_ON_Z2_MANAGER,
    CLOSES_INPUT,
    /** {@code max(sqrt(|z|^2), eps)}: finite values, but 0 * inf = NaN gradients at z = 0. */
    CLAMPS_THE_NORM_AFTER_THE_ROOT
  }

  /** NT-Xent in the SupCon multi-positive form, with {@code fault} planted. */
  private record TestLoss(double temperature, Fault fault) implements ContrastiveLoss {
    @Override
    public NDArray compute(NDArray z1, NDArray z2, CurationDecision d) {
      int b = d.batchSize();
      int n2 = 2 * b;
      float[] pos = new float[n2 * n2];
      float[] neg = new float[n2 * n2];
      float[] anchor = new float[n2];
      float[] count = new float[n2];
      for (int a = 0; a < n2; a++) {
        anchor[a] =
            fault == Fault.IGNORES_PAIR_WEIGHTS
                ? 1f / n2
                : d.pairWeight(a % b) / (2f * d.keptPairs());
        for (int c = 0; c < n2; c++) {
          if (c == a) {
            continue;
          }
          if (c == (a + b) % n2 || d.isExtraPositive(a, c)) {
            pos[a * n2 + c] = 1;
            count[a]++;
          } else {
            neg[a * n2 + c] = fault == Fault.IGNORES_NEGATIVE_WEIGHTS ? 1f : d.negativeWeight(a, c);
          }
        }
      }
      NDManager m = fault == Fault.MASKS_ON_Z2_MANAGER ? z2.getManager() : z1.getManager();
      NDArray z = z1.concat(z2, 0);
      NDArray squares = z.square().sum(new int[] {1}, true);
      NDArray norm =
          fault == Fault.CLAMPS_THE_NORM_AFTER_THE_ROOT
              ? squares.sqrt().maximum(1e-12f)
              : squares.maximum(1e-24f).sqrt();
      NDArray zn = z.div(norm);
      NDArray s = zn.matMul(zn.transpose()).sub(1f).div((float) temperature);
      NDArray p = m.create(pos, new Shape(n2, n2));
      NDArray denominator = s.exp().mul(p.add(m.create(neg, new Shape(n2, n2)))).sum(new int[] {1});
      NDArray positive = s.mul(p).sum(new int[] {1}).div(m.create(count));
      NDArray loss = denominator.log().sub(positive).mul(m.create(anchor)).sum();
      if (fault == Fault.CLOSES_INPUT) {
        z2.close();
      }
      return loss;
    }
  }

  private static ContrastiveLossContractTest contract(Fault fault) {
    return new ContrastiveLossContractTest() {
      @Override
      protected ContrastiveLoss newLoss() {
        return new TestLoss(0.5, fault);
      }

      @Override
      protected Optional<ContrastiveLoss> ntXentForm(double temperature) {
        return Optional.of(new TestLoss(temperature, fault));
      }
    };
  }

  @Test
  void aCorrectLossPasses() {
    ContrastiveLossContractTest c = contract(Fault.NONE);
    assertThatCode(
            () -> {
              c.keepAllIsPlainNtXent();
              c.pairAndNegativeWeightsMatchNtXent();
              c.droppingAPairAndItsNegativesLeavesTheBatchWithoutIt();
              c.lossIsLinearInPairWeights();
              c.ignoresNegativeWeightsOnTheDiagonalAndAtPositives();
              c.negativeWeightsAndExtraPositivesChangeTheLoss();
              c.finiteWithFiniteGradientsOnDegenerateInputs();
              c.leaksNoArraysAndLeavesItsInputsAlone();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void theReferenceIsPlainNtXent() {
    // two pairs on the unit circle: z1 = (1, 0), (0, 1); z2 = (1, 0), (-1, 0); T = 1
    float[] z1 = {1, 0, 0, 1};
    float[] z2 = {1, 0, -1, 0};
    double e = Math.E;
    // anchors 0..3 = (1,0), (0,1), (1,0), (-1,0); cosines to the positive: 1, 0, 1, 0
    double l0 = Math.log(e + 1 + 1 / e) - 1; // negatives of anchor 0: (0,1) cos 0, (-1,0) cos -1
    double l1 = Math.log(1 + 1 + 1) - 0; // anchor 1: positive (-1,0) cos 0; negatives cos 0, 0
    double l2 = l0;
    double l3 = Math.log(1 + 1 / e + 1 / e) - 0; // anchor 3: positive (0,1) cos 0; negatives -1, -1
    assertThat(NtXentReference.loss(z1, z2, 2, CurationDecision.keepAll(2), 1.0))
        .isCloseTo((l0 + l1 + l2 + l3) / 4, org.assertj.core.api.Assertions.within(1e-12));
    CurationDecision drop = CurationDecision.builder(2).dropPair(1).removeNegative(0, 1).build();
    assertThat(NtXentReference.loss(z1, z2, 2, drop, 1.0))
        .isCloseTo(
            (Math.log(e + 1 / e) - 1 + l2) / 2, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void catchesIgnoredPairWeights() {
    ContrastiveLossContractTest c = contract(Fault.IGNORES_PAIR_WEIGHTS);
    assertThatThrownBy(c::pairAndNegativeWeightsMatchNtXent).isInstanceOf(AssertionError.class);
    assertThatThrownBy(c::lossIsLinearInPairWeights).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesIgnoredNegativeWeights() {
    ContrastiveLossContractTest c = contract(Fault.IGNORES_NEGATIVE_WEIGHTS);
    assertThatThrownBy(c::pairAndNegativeWeightsMatchNtXent).isInstanceOf(AssertionError.class);
    assertThatThrownBy(c::droppingAPairAndItsNegativesLeavesTheBatchWithoutIt)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(c::negativeWeightsAndExtraPositivesChangeTheLoss)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("one negative removed");
  }

  @Test
  void catchesNanGradientsOnZeroVectors() {
    assertThatThrownBy(
            contract(Fault.CLAMPS_THE_NORM_AFTER_THE_ROOT)
                ::finiteWithFiniteGradientsOnDegenerateInputs)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("gradient [NaN");
  }

  @Test
  void catchesArraysOnAnotherManagerAndClosedInputs() {
    assertThatThrownBy(contract(Fault.MASKS_ON_Z2_MANAGER)::leaksNoArraysAndLeavesItsInputsAlone)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("arrays attached to z2's manager");
    assertThatThrownBy(contract(Fault.CLOSES_INPUT)::leaksNoArraysAndLeavesItsInputsAlone)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("an input was closed");
  }
}
