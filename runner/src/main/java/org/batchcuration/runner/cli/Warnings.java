package org.batchcuration.runner.cli;

import java.io.PrintWriter;
import java.util.List;

/** Prints {@link org.batchcuration.runner.warnings.RunWarnings} on stderr, one line each. */
final class Warnings {
  private Warnings() {}

  /** {@code warning: ...} for each warning, in order. */
  static void print(PrintWriter err, List<String> warnings) {
    for (String w : warnings) {
      err.println("warning: " + w);
    }
    err.flush();
  }
}
