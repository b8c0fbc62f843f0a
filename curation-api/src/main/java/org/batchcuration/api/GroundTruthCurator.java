package org.batchcuration.api;

/**
 * A control curator that is handed the corruption testbed's ground truth: the one deliberate path
 * by which the trainer lets a curator know which pairs were corrupted on purpose. It exists for the
 * {@code oracle} bound (how much a perfect detector could recover); an ordinary curator implements
 * {@link BatchCurator} only and never sees the ground truth ({@link CurationBatch}, {@link
 * StepInfo} and {@link PluginContext} carry no trace of it).
 *
 * <p>The trainer calls {@link #decide(CurationBatch, boolean[])} instead of {@link
 * #decide(CurationBatch)} for a curator of this type; the runner refuses a config that chooses one
 * without an enabled corruption testbed (exit code 2), and such a curator cannot be another
 * curator's shadow. Its single-argument {@code decide} throws {@link IllegalStateException}: a
 * caller that cannot hand it the ground truth is a bug.
 */
public interface GroundTruthCurator extends BatchCurator {

  /**
   * The loss decision for the training batch, knowing the testbed's ground truth.
   *
   * @param batch what any curator sees of the training batch
   * @param corrupted one entry per pair of {@code batch}: whether the testbed corrupted it (a copy
   *     the curator may keep; all false on a step whose pairs are all clean)
   */
  CurationDecision decide(CurationBatch batch, boolean[] corrupted);

  /**
   * Refused: a ground-truth curator decides only with the ground truth.
   *
   * @throws IllegalStateException always
   */
  @Override
  default CurationDecision decide(CurationBatch batch) {
    throw new IllegalStateException(
        getClass().getSimpleName()
            + " needs the corruption testbed's ground truth: call decide(batch, corrupted)");
  }
}
