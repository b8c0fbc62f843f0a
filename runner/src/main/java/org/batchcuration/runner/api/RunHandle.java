package org.batchcuration.runner.api;

import org.batchcuration.training.CancellationToken;

/**
 * Stops a run from another thread: after {@link #cancel()} the run finishes its current step,
 * writes a checkpoint and returns a {@link RunResult} with {@code completed() == false}; running
 * the same experiment again with resume continues it. Thread-safe; one handle per run.
 */
public final class RunHandle {
  private final CancellationToken token = new CancellationToken();

  /** Asks the run to stop at the next step boundary. */
  public void cancel() {
    token.cancel();
  }

  public boolean isCancelled() {
    return token.isCancelled();
  }

  CancellationToken token() {
    return token;
  }
}
