package org.batchcuration.datasets;

import java.util.Iterator;
import org.batchcuration.api.ViewBatch;

/**
 * The batches of one epoch, prepared in the background. {@link #next()} blocks until the next batch
 * is ready and rethrows a failure of the background work (for example a {@link
 * org.batchcuration.api.DataException}). Use from one consumer thread; {@link #close()} stops the
 * background work and may be called at any time, more than once.
 */
public interface EpochBatches extends Iterator<ViewBatch>, AutoCloseable {

  /** Time the consumer spent blocked in {@link #next()} so far, in nanoseconds. */
  long waitNanos();

  @Override
  void close();
}
