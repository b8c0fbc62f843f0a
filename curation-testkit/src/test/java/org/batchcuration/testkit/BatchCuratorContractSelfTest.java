package org.batchcuration.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Function;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Selection;
import org.junit.jupiter.api.Test;

/** The contract catches broken curators and passes a correct one. */
class BatchCuratorContractSelfTest {

  /** A contract instance for {@code factory}, with warm-up 1 and cap 0.25. */
  private static BatchCuratorContractTest contract(Function<Long, BatchCurator> factory) {
    return new BatchCuratorContractTest() {
      @Override
      protected BatchCurator newCurator(long seed) {
        return factory.apply(seed);
      }

      @Override
      protected int warmupEpochs() {
        return 1;
      }

      @Override
      protected OptionalDouble maxCuratedFraction() {
        return OptionalDouble.of(0.25);
      }
    };
  }

  /** Drops one random pair after warm-up, with its random stream in its state: correct. */
  private static final class Correct implements BatchCurator {
    private long state;

    Correct(long seed) {
      state = seed;
    }

    @Override
    public CurationDecision decide(CurationBatch batch) {
      if (batch.step().epoch() < 1 || batch.size() < 4) {
        return CurationDecision.keepAll(batch.size());
      }
      state = state * 6364136223846793005L + 1442695040888963407L;
      return CurationDecision.builder(batch.size())
          .dropPair((int) Math.floorMod(state >>> 33, (long) batch.size()))
          .build();
    }

    @Override
    public byte[] saveState() {
      return java.nio.ByteBuffer.allocate(8).putLong(state).array();
    }

    @Override
    public void restoreState(byte[] s) {
      state = java.nio.ByteBuffer.wrap(s).getLong();
    }
  }

  @Test
  void aCorrectCuratorPasses() {
    BatchCuratorContractTest c = contract(Correct::new);
    assertThatCode(
            () -> {
              c.deterministicUnderASeed();
              c.decisionsAreWellFormedAndNeverKeepZeroPairs();
              c.respectsWarmup();
              c.respectsCap();
              c.doesNotMutateItsInputs();
              c.restoredStateContinuesIdentically();
              c.previewKeepsExactlyTheBatchSize();
              c.handlesOneAndTwoPairs();
              c.handlesDegenerateEmbeddings();
            })
        .doesNotThrowAnyException();
  }

  @Test
  void catchesNondeterminism() {
    Random unseeded = new Random();
    BatchCuratorContractTest c =
        contract(
            seed ->
                batch ->
                    CurationDecision.builder(batch.size())
                        .pairWeight(0, 0.5f + unseeded.nextFloat() / 4)
                        .build());
    assertThatThrownBy(c::deterministicUnderASeed).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesCurationDuringWarmup() {
    BatchCuratorContractTest c =
        contract(
            seed -> batch -> CurationDecision.builder(batch.size()).pairWeight(0, 0.5f).build());
    assertThatThrownBy(c::respectsWarmup)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("pair weights in warm-up");
  }

  @Test
  void catchesAnExceededCap() {
    BatchCuratorContractTest c =
        contract(
            seed ->
                batch -> {
                  CurationDecision.Builder d = CurationDecision.builder(batch.size());
                  for (int i = 1; i < batch.size(); i++) {
                    d.dropPair(i);
                  }
                  return d.build();
                });
    assertThatThrownBy(c::respectsCap)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("curated pairs");
  }

  @Test
  void catchesStateThatIsNotSaved() {
    BatchCuratorContractTest c =
        contract(
            seed ->
                new BatchCurator() {
                  private final Correct inner = new Correct(seed);

                  @Override
                  public CurationDecision decide(CurationBatch batch) {
                    return inner.decide(batch);
                  }
                });
    assertThatThrownBy(c::restoredStateContinuesIdentically).isInstanceOf(AssertionError.class);
  }

  @Test
  void catchesWrongSelectionsAndEndlessRedraws() {
    BatchCuratorContractTest shortBatch =
        contract(
            seed ->
                new BatchCurator() {
                  @Override
                  public boolean previews(org.batchcuration.api.StepInfo step) {
                    return true;
                  }

                  @Override
                  public Selection preview(CurationBatch candidates, int batchSize) {
                    return Selection.accept(Math.max(1, batchSize - 1));
                  }

                  @Override
                  public CurationDecision decide(CurationBatch batch) {
                    return CurationDecision.keepAll(batch.size());
                  }
                });
    assertThatThrownBy(shortBatch::previewKeepsExactlyTheBatchSize)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("kept candidates");
    BatchCuratorContractTest endless =
        contract(
            seed ->
                new BatchCurator() {
                  @Override
                  public boolean previews(org.batchcuration.api.StepInfo step) {
                    return true;
                  }

                  @Override
                  public Selection preview(CurationBatch candidates, int batchSize) {
                    return Selection.redraw(batchSize, new int[] {0});
                  }

                  @Override
                  public CurationDecision decide(CurationBatch batch) {
                    return CurationDecision.keepAll(batch.size());
                  }
                });
    assertThatThrownBy(endless::previewKeepsExactlyTheBatchSize)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("redraw rounds must end");
  }
}
