package org.batchcuration.datasets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code [0, n)} in contiguous chunks on {@code threads} threads: the caller's thread takes
 * the first chunk, a pool of {@code threads - 1} daemon workers the rest. Results never depend on
 * the split because every item is computed independently.
 */
final class ChunkRunner implements AutoCloseable {
  /** Work on items {@code [from, to)}. */
  interface Range {
    void run(int from, int to);
  }

  private final int threads;
  private final ExecutorService pool;

  ChunkRunner(int threads) {
    this.threads = threads;
    if (threads > 1) {
      AtomicInteger count = new AtomicInteger();
      ThreadFactory tf =
          r -> {
            Thread t = new Thread(r, "augment-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
          };
      this.pool = Executors.newFixedThreadPool(threads - 1, tf);
    } else {
      this.pool = null;
    }
  }

  int threads() {
    return threads;
  }

  void run(int n, Range work) throws InterruptedException {
    int parts = Math.min(threads, n);
    if (parts <= 1 || pool == null) {
      work.run(0, n);
      return;
    }
    List<Future<?>> futures = new ArrayList<>();
    for (int k = 1; k < parts; k++) {
      int from = (int) ((long) n * k / parts);
      int to = (int) ((long) n * (k + 1) / parts);
      futures.add(pool.submit(() -> work.run(from, to)));
    }
    try {
      work.run(0, (int) ((long) n / parts));
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(c);
    } catch (CancellationException e) {
      throw new InterruptedException("augmentation cancelled");
    } finally {
      for (Future<?> f : futures) {
        f.cancel(true);
      }
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
