package org.batchcuration.training;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The one line of live progress on stderr. On a terminal a status is redrawn in place ({@code \r},
 * the text, then clear to end of line); a full line first clears the status, so that it stands on
 * its own line. Elsewhere (a log file, a pipe) statuses are not drawn at all and lines are plain.
 * Whether stderr is a terminal comes from the system property {@value #TERMINAL_PROPERTY}, which
 * {@code ./curation} sets from {@code [ -t 2 ]} ({@code System.console()} is no guide: recent JDKs
 * return a console when output is redirected). Thread-safe.
 */
public final class StatusLine {
  /** The system property saying that stderr is a terminal ({@code true}); absent: it is not. */
  public static final String TERMINAL_PROPERTY = "batchcuration.stderr.terminal";

  /** ANSI: clear from the cursor to the end of the line. */
  static final String CLEAR_TO_END = "\u001b[K";

  private static final StatusLine STDERR =
      new StatusLine(() -> System.err, Boolean.getBoolean(TERMINAL_PROPERTY));

  private final Supplier<PrintStream> out;
  private final boolean terminal;
  private boolean shown;

  /** A status line on {@code out}; {@code terminal} says whether it may be redrawn in place. */
  public StatusLine(PrintStream out, boolean terminal) {
    this(supplier(out), terminal);
  }

  private StatusLine(Supplier<PrintStream> out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  private static Supplier<PrintStream> supplier(PrintStream out) {
    Objects.requireNonNull(out, "out");
    return () -> out;
  }

  /** The process's status line on {@code System.err} (as it is at each call). */
  public static StatusLine stderr() {
    return STDERR;
  }

  /**
   * A status line that shows nothing: statuses are not drawn and lines are discarded. What an
   * embedded run writes to unless the application asks for progress.
   */
  public static StatusLine silent() {
    return new StatusLine(new PrintStream(OutputStream.nullOutputStream()), false);
  }

  /** Whether statuses are drawn (stderr is a terminal). */
  public boolean terminal() {
    return terminal;
  }

  /** Draws {@code text} in place of the current status; nothing when not on a terminal. */
  public synchronized void show(String text) {
    if (!terminal) {
      return;
    }
    PrintStream s = out.get();
    s.print("\r" + text + CLEAR_TO_END);
    s.flush();
    shown = true;
  }

  /** Removes the status, if one is drawn, leaving the cursor at the start of an empty line. */
  public synchronized void clear() {
    if (!shown) {
      return;
    }
    PrintStream s = out.get();
    s.print("\r" + CLEAR_TO_END);
    s.flush();
    shown = false;
  }

  /** {@code HH:MM:SS} of {@code seconds} (rounded), {@code --:--:--} when not finite. */
  public static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "--:--:--";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** Prints {@code line} on a line of its own (after clearing the status). */
  public synchronized void println(String line) {
    clear();
    PrintStream s = out.get();
    s.println(line);
    s.flush();
  }
}
