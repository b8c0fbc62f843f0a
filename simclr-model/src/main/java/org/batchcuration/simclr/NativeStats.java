package org.batchcuration.simclr;

import ai.djl.ndarray.NDManager;

/** Counts open NDArrays under a manager, and reads the resident set size. */
final class NativeStats {
  private NativeStats() {}

  static NdArrayStats of(NDManager root) {
    return new NdArrayStats(root.getManagedArrays().size(), residentBytes());
  }

  private static long residentBytes() {
    return ProcStatus.bytes("VmRSS:");
  }
}
