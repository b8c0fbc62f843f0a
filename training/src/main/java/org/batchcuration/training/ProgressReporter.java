package org.batchcuration.training;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows training progress on stderr, independently of listeners: a bar redrawn with a carriage
 * return when a console is attached, otherwise a plain line every {@code logEvery} steps. Used by
 * the training thread only.
 */
final class ProgressReporter {
  private final PrintStream out;
  private final boolean console;
  private final int logEvery;
  private final int epochs;
  private final int stepsPerEpoch;
  private boolean barShown;

  ProgressReporter(PrintStream out, boolean console, int logEvery, int epochs, int stepsPerEpoch) {
    this.out = out;
    this.console = console;
    this.logEvery = logEvery;
    this.epochs = epochs;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  static ProgressReporter forStderr(int logEvery, int epochs, int stepsPerEpoch) {
    return new ProgressReporter(
        System.err, System.console() != null, logEvery, epochs, stepsPerEpoch);
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
    if (console) {
      out.print("\r" + text);
      out.flush();
      barShown = true;
    } else if (done % logEvery == 0 || done == total) {
      out.println(text);
    }
  }

  String line(int epoch, int stepInEpoch, double loss, double imagesPerSecond, double eta) {
    return String.format(
        Locale.ROOT,
        "epoch %d/%d step %d/%d loss %.4f %.1f img/s ETA %s",
        epoch + 1,
        epochs,
        stepInEpoch + 1,
        stepsPerEpoch,
        loss,
        imagesPerSecond,
        formatSeconds(eta));
  }

  /** Ends the bar's line before other output. */
  void finish() {
    if (barShown) {
      out.println();
      barShown = false;
    }
  }

  static String formatSeconds(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "--:--:--";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
