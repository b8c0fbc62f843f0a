package org.batchcuration.api;

/**
 * Makes new views for part of a batch when a curator asks for a redraw. Implemented by the data
 * pipeline; the trainer calls it from the training thread.
 */
public interface ViewSource {

  /**
   * Returns a copy of {@code batch} in which the views at {@code positions} are drawn again with
   * fresh randomness that depends only on the run seed, the source indices and {@code attempt}.
   */
  ViewBatch redraw(ViewBatch batch, int[] positions, int attempt);
}
