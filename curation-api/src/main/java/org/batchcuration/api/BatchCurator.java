package org.batchcuration.api;

/**
 * Decides how each training batch is composed and how the loss treats it: the extension point of
 * batch curation.
 *
 * <p>Per step the trainer:
 *
 * <ol>
 *   <li>draws {@link #poolSize} candidate images and makes two views of each;
 *   <li>if {@link #previews} is true (or the pool is larger than the batch), runs the encoder and
 *       head without gradients over the candidates and calls {@link #preview}, which selects the
 *       batch and may ask for some views to be drawn again (then previews again, attempt + 1);
 *   <li>runs the training forward pass and calls {@link #decide} with the detached embeddings; the
 *       loss applies the returned {@link CurationDecision}.
 * </ol>
 *
 * <p>Thread-safety: called from the training thread only. Determinism: given the same seed (from
 * the {@link PluginContext}), inputs and restored state, a curator returns the same decisions.
 * Curators must not mutate their inputs (inputs are immutable anyway) and must not use labels for
 * their decisions unless they declare themselves supervised.
 */
public interface BatchCurator {

  /** Number of candidate images to draw for a batch of {@code batchSize}; at least the batch. */
  default int poolSize(int batchSize, StepInfo step) {
    return batchSize;
  }

  /** Whether the trainer must call {@link #preview} before the training forward pass. */
  default boolean previews(StepInfo step) {
    return false;
  }

  /**
   * Chooses the training batch from the candidates and/or asks for views to be redrawn. Must keep
   * exactly {@code batchSize} candidates.
   */
  default Selection preview(CurationBatch candidates, int batchSize) {
    return Selection.accept(batchSize);
  }

  /** The loss decision for the training batch. */
  CurationDecision decide(CurationBatch batch);

  /**
   * The curator's mutable state (random streams, running statistics), for checkpoints. A curator
   * restored from these bytes continues exactly as the saved one would.
   */
  default byte[] saveState() {
    return new byte[0];
  }

  /** Restores what {@link #saveState()} returned. */
  default void restoreState(byte[] state) {}
}
