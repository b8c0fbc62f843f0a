package org.batchcuration.training;

import java.util.Locale;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import java.util.function.LongSupplier;

/**
 * The progress of one phase of work (extracting features, fitting the linear probe, kNN): on a
 * terminal a status {@code evaluation: linear probe 40% ETA 00:00:12} redrawn as the phase
 * advances; elsewhere a plain line of the same form at most every {@link #PLAIN_EVERY_NANOS}. Both
 * end with {@code evaluation: linear probe done in 3.1 s} on a line of its own. {@link #accept}
 * takes the fraction done, in [0, 1]; the ETA assumes the rest goes at the pace so far. Callers
 * serialize their calls.
 */
final class PhaseProgress implements DoubleConsumer {
  /** The shortest time between two plain lines. */
  static final long PLAIN_EVERY_NANOS = 10_000_000_000L;

  private final StatusLine status;
  private final String name;
  private final LongSupplier clock;
  private final long start;
  private long lastLine;

  PhaseProgress(StatusLine status, String name, LongSupplier clock) {
    this.status = Objects.requireNonNull(status, "status");
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** A phase on stderr, timed with {@link System#nanoTime}. */
  static PhaseProgress onStderr(String name) {
    return new PhaseProgress(StatusLine.stderr(), name, System::nanoTime);
  }

  @Override
  public void accept(double fraction) {
    double f = Math.max(0.0, Math.min(1.0, fraction));
    long now = clock.getAsLong();
    double elapsed = (now - start) / 1e9;
    double eta = f > 0 ? elapsed * (1 - f) / f : Double.NaN;
    String text =
        String.format(
            Locale.ROOT,
            "%s %d%% ETA %s",
            name,
            (int) Math.floor(f * 100),
            ProgressReporter.formatSeconds(eta));
    if (status.terminal()) {
      status.show(text);
    } else if (now - lastLine >= PLAIN_EVERY_NANOS && f < 1.0) {
      status.println(text);
      lastLine = now;
    }
  }

  /** Ends the phase with its duration on a line of its own. */
  void done() {
    double seconds = (clock.getAsLong() - start) / 1e9;
    status.println(String.format(Locale.ROOT, "%s done in %.1f s", name, seconds));
  }
}
