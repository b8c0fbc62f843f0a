package org.batchcuration.simclr;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Counts open NDArrays under a manager, and reads the resident set size. */
final class NativeStats {
  private static final Path STATUS = Path.of("/proc/self/status");

  private NativeStats() {}

  static NdArrayStats of(NDManager root) {
    return new NdArrayStats(root.getManagedArrays().size(), residentBytes());
  }

  private static long residentBytes() {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith("VmRSS:")) {
          String kb = line.substring(6).trim().split("\\s+")[0];
          return Long.parseLong(kb) * 1024;
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
