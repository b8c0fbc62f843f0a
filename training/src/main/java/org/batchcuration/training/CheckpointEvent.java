package org.batchcuration.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A checkpoint written.
 *
 * @param epoch the epoch of the next step to run
 * @param step global steps done
 * @param file the checkpoint file
 */
public record CheckpointEvent(int epoch, long step, Path file) {
  public CheckpointEvent {
    Objects.requireNonNull(file, "file");
  }
}
