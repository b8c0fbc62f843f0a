package org.batchcuration.training;

import java.util.Locale;

/**
 * Shows training progress on stderr, independently of listeners: a bar redrawn in place when stderr
 * is a terminal ({@link StatusLine}), otherwise a plain line every {@code logEvery} steps. Used by
 * the training thread only.
 */
final class ProgressReporter {
  private final StatusLine status;
  private final int logEvery;
  private final int epochs;
  private final int stepsPerEpoch;

  ProgressReporter(StatusLine status, int logEvery, int epochs, int stepsPerEpoch) {
    this.status = status;
    this.logEvery = logEvery;
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  /**
   * @param epoch zero-based epoch
   * @param stepInEpoch zero-based step just done
   * @param stepsDoneThisSession steps run since this process started training (for the ETA)
   * @param secondsThisSession seconds spent on them
   */
  void step(
      int epoch,
      int stepInEpoch,
      double loss,
      double imagesPerSecond,
      long stepsDoneThisSession,
      double secondsThisSession) {
    long total = (long) epochs * stepsPerEpoch;
    long done = (long) epoch * stepsPerEpoch + stepInEpoch + 1;
    double eta =
        stepsDoneThisSession == 0
            ? Double.NaN
            : (total - done) * secondsThisSession / stepsDoneThisSession;
    String text = line(epoch, stepInEpoch, loss, imagesPerSecond, eta);
    if (status.terminal()) {
      status.show(text);
    } else if (done % logEvery == 0 || done == total) {
      status.println(text);
    }
  }

  String line(int epoch, int stepInEpoch, double loss, double imagesPerSecond, double eta) {
    return String.format(
        Locale.ROOT,
        "epoch %d/%d step %d/%d step loss %.4f %.1f img/s ETA %s",
        epoch + 1,
        epochs,
        stepInEpoch + 1,
        stepsPerEpoch,
        loss,
        imagesPerSecond,
        formatSeconds(eta));
  }

  /** Removes the bar before other output. */
  void finish() {
    status.clear();
  }

  static String formatSeconds(double seconds) {
    return StatusLine.duration(seconds);
  }
}
