package org.batchcuration.datasets;

import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.batchcuration.api.ViewBatch;

/**
 * {@link EpochBatches} fed by one background thread that makes steps {@code [from, to)} in order
 * into a bounded queue. A failure of the producer is handed to the consumer at the step where it
 * happened.
 */
final class PrefetchingEpoch implements EpochBatches {
  /** Makes one step's batch. */
  interface StepMaker {
    ViewBatch make(int step) throws InterruptedException;
  }

  private record Failure(RuntimeException error) {}

  private final BlockingQueue<Object> queue;
  private final Thread producer;
  private final int to;
  private int next;
  private long waitNanos;
  private volatile boolean closed;

  PrefetchingEpoch(StepMaker maker, int from, int to, int prefetch, String name) {
    this.queue = new ArrayBlockingQueue<>(prefetch);
    this.next = from;
    this.to = to;
    this.producer =
        new Thread(
            () -> {
              try {
                for (int s = from; s < to && !closed; s++) {
                  Object item;
                  try {
                    item = maker.make(s);
                  } catch (RuntimeException | Error e) {
                    item =
                        new Failure(
                            e instanceof RuntimeException re ? re : new IllegalStateException(e));
                  }
                  queue.put(item);
                  if (item instanceof Failure) {
                    return;
                  }
                }
              } catch (InterruptedException e) {
                // closed by the consumer
              }
            },
            name);
    producer.setDaemon(true);
    producer.start();
  }

  @Override
  public boolean hasNext() {
    return !closed && next < to;
  }

  @Override
  public ViewBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more batches in this epoch");
    }
    long t0 = System.nanoTime();
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a batch", e);
    } finally {
      waitNanos += System.nanoTime() - t0;
    }
    if (item instanceof Failure f) {
      close();
      throw f.error();
    }
    next++;
    return (ViewBatch) item;
  }

  @Override
  public long waitNanos() {
    return waitNanos;
  }

  @Override
  public void close() {
    closed = true;
    producer.interrupt();
    queue.clear();
    try {
      producer.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
