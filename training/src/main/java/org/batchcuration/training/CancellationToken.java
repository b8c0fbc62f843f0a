package org.batchcuration.training;

/**
 * Asks a running training to stop. The loop checks it after each step; on cancellation it writes a
 * checkpoint at the next step and returns with {@code completed == false}. Thread-safe: {@link
 * #cancel()} may be called from any thread.
 */
public final class CancellationToken {
  private volatile boolean cancelled;

  /** Requests the run to stop after the current step. Idempotent. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
