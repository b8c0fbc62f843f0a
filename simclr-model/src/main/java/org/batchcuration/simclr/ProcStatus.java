package org.batchcuration.simclr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads memory figures of this process from {@code /proc/self/status} (Linux). */
public final class ProcStatus {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcStatus() {}

  /**
   * The figure of the line starting with {@code field} (e.g. {@code "RssAnon:"}) in bytes, or -1.
   */
  public static long bytes(String field) {
    long kb = kilobytes(field);
    return kb < 0 ? -1 : kb * 1024;
  }

  /** The kB figure of the line starting with {@code field} (e.g. {@code "RssAnon:"}), or -1. */
  private static long kilobytes(String field) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
