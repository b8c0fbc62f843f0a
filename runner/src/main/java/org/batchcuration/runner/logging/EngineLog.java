package org.batchcuration.runner.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the log lines of the libraries under the runner go (DJL, the engines, Spark: everything
 * that logs through SLF4J): never to the screen by default, but into a bounded in-memory log that a
 * command writes to its run folder ({@code engine.log}); {@code --verbose} also echoes every line
 * to stderr. Holds at most {@value #MAX_LINES} lines between two writes and counts the rest.
 * Process-wide and thread-safe.
 */
public final class EngineLog {
  /** The most lines kept between two {@link #appendTo} calls. */
  public static final int MAX_LINES = 20_000;

  private static final Object LOCK = new Object();
  private static final List<String> LINES = new ArrayList<>();
  private static long dropped;
  private static PrintWriter echo;

  private EngineLog() {}

  /** Records one line (a logger's formatted event); echoes it when {@link #echoTo} is set. */
  public static void add(String line) {
    Objects.requireNonNull(line, "line");
    synchronized (LOCK) {
      if (LINES.size() < MAX_LINES) {
        LINES.add(line);
      } else {
        dropped++;
      }
      if (echo != null) {
        echo.println(line);
        echo.flush();
      }
    }
  }

  /** Echoes every later line to {@code err} ({@code --verbose}); empty stops echoing. */
  public static void echoTo(Optional<PrintWriter> err) {
    synchronized (LOCK) {
      echo = err.orElse(null);
    }
  }

  /** The lines recorded since the last {@link #appendTo}, in order. */
  public static List<String> lines() {
    synchronized (LOCK) {
      return List.copyOf(LINES);
    }
  }

  /**
   * Appends the lines recorded so far to {@code file} (created when missing) and forgets them, so
   * that each line lands in one file. Writes nothing, and creates no file, when there is nothing.
   */
  public static void appendTo(Path file) throws IOException {
    List<String> out;
    synchronized (LOCK) {
      out = new ArrayList<>(LINES);
      if (dropped > 0) {
        out.add("(" + dropped + " more lines were dropped: at most " + MAX_LINES + " are kept)");
      }
      LINES.clear();
      dropped = 0;
    }
    if (out.isEmpty()) {
      return;
    }
    Files.write(
        file,
        out,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND,
        StandardOpenOption.WRITE);
  }
}
