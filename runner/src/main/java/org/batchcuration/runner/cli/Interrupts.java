package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.batchcuration.runner.api.RunHandle;

/**
 * Turns Ctrl-C (JVM shutdown) into a cancellation: the hook cancels the run and waits for it to
 * finish its step and write its checkpoint before the JVM exits. Use with try-with-resources around
 * the run; closing removes the hook. Thread-safe.
 */
final class Interrupts implements AutoCloseable {
  /** Longest wait for the checkpoint after Ctrl-C. */
  private static final long WAIT_SECONDS = 120;

  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  Interrupts(RunHandle handle, PrintWriter err) {
    this.hook =
        new Thread(
            () -> {
              err.println("interrupted: stopping after this step and writing a checkpoint...");
              err.flush();
              handle.cancel();
              try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "curation-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and now returns
    }
  }
}
