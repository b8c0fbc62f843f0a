package org.batchcuration.strategies;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.batchcuration.api.SplitMix64;

/**
 * A small seeded random stream on {@link SplitMix64} whose whole state is one {@code long}, so a
 * curator can checkpoint it exactly. Not thread-safe; one per curator.
 */
public final class CuratorRandom {
  private final SplitMix64 stream;

  /** A stream seeded from the run seed and a per-curator salt (so curators do not share draws). */
  public CuratorRandom(long seed, String salt) {
    this.stream = new SplitMix64(seed ^ ((long) salt.hashCode() * SplitMix64.GAMMA));
  }

  /** The next 64 random bits. */
  public long nextLong() {
    return stream.nextLong();
  }

  /** Uniform in {@code [0, bound)}. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be > 0, was " + bound);
    }
    return (int) Math.floorMod(nextLong(), (long) bound);
  }

  /** {@code k} distinct positions out of {@code [0, n)}, uniformly at random, sorted ascending. */
  public int[] sample(int n, int k) {
    if (k < 0 || k > n) {
      throw new IllegalArgumentException("cannot sample " + k + " of " + n);
    }
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    for (int i = 0; i < k; i++) {
      int j = i + nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, k);
    Arrays.sort(out);
    return out;
  }

  /** The state as 8 bytes. */
  public byte[] saveState() {
    return ByteBuffer.allocate(Long.BYTES).putLong(stream.state()).array();
  }

  /** Restores what {@link #saveState()} returned. */
  public void restoreState(byte[] bytes) {
    if (bytes.length != Long.BYTES) {
      throw new IllegalArgumentException(
          "random state must be " + Long.BYTES + " bytes, was " + bytes.length);
    }
    stream.setState(ByteBuffer.wrap(bytes).getLong());
  }
}
