package org.batchcuration.datasets.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fixed-size 8-bit images held in memory in chunks of at most {@link #MAX_CHUNK_BYTES} bytes, so
 * that sets larger than one Java array (STL-10's 2.7 GB unlabeled split) fit, and so that a reader
 * allocates only as data arrives (a truncated file never causes the full declared allocation).
 *
 * <p>Overhead: one partly filled chunk at most, well under 10% of the raw size for large sets.
 * Immutable after {@link Builder#build()}; {@link #copy} may be called from many threads.
 */
public final class ImageStore {
  /** Largest chunk; a power-of-two friendly size well below the array limit. */
  public static final int MAX_CHUNK_BYTES = 1 << 28;

  private final int imageSize;
  private final byte[][] chunks;
  private final int[] chunkStart;
  private final int count;

  private ImageStore(int imageSize, byte[][] chunks, int[] chunkStart, int count) {
    this.imageSize = imageSize;
    this.chunks = chunks;
    this.chunkStart = chunkStart;
    this.count = count;
  }

  public int imageSize() {
    return imageSize;
  }

  public int size() {
    return count;
  }

  /** Copies image {@code index} ({@link #imageSize()} bytes) to {@code target[offset..]}. */
  public void copy(int index, byte[] target, int offset) {
    Objects.checkIndex(index, count);
    int c = chunkOf(index);
    System.arraycopy(chunks[c], (index - chunkStart[c]) * imageSize, target, offset, imageSize);
  }

  private int chunkOf(int index) {
    if (chunks.length == 1) {
      return 0;
    }
    int c = Arrays.binarySearch(chunkStart, 0, chunks.length, index);
    return c >= 0 ? c : -c - 2;
  }

  /** Bytes held by the chunks: exactly {@code size() * imageSize()} after {@link Builder#build}. */
  public long allocatedBytes() {
    long total = 0;
    for (byte[] c : chunks) {
      total += c.length;
    }
    return total;
  }

  /** Number of chunks (for tests and memory accounting). */
  public int chunks() {
    return chunks.length;
  }

  /** A new store holding the images at {@code indices}, in that order. */
  public ImageStore select(int[] indices) {
    Builder b = new Builder(imageSize);
    byte[] tmp = new byte[imageSize];
    for (int i : indices) {
      copy(i, tmp, 0);
      b.add(tmp, 0);
    }
    return b.build();
  }

  /** The images of {@code parts} one after the other; shares their chunks (no copy). */
  public static ImageStore concat(List<ImageStore> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no parts");
    }
    int size = parts.get(0).imageSize;
    List<byte[]> cs = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int total = 0;
    for (ImageStore p : parts) {
      if (p.imageSize != size) {
        throw new IllegalArgumentException("image sizes differ: " + size + " vs " + p.imageSize);
      }
      for (int c = 0; c < p.chunks.length; c++) {
        cs.add(p.chunks[c]);
        starts.add(total + p.chunkStart[c]);
      }
      total += p.count;
    }
    int[] st = starts.stream().mapToInt(Integer::intValue).toArray();
    return new ImageStore(size, cs.toArray(new byte[0][]), st, total);
  }

  /** Appends images one by one; allocates a chunk only when the previous one is full. */
  public static final class Builder {
    private final int imageSize;
    private final int perChunk;
    private final List<byte[]> chunks = new ArrayList<>();
    private byte[] current;
    private int inCurrent;
    private int count;

    public Builder(int imageSize) {
      this(imageSize, MAX_CHUNK_BYTES);
    }

    /** A builder with chunks of at most {@code maxChunkBytes} (at least one image each). */
    public Builder(int imageSize, int maxChunkBytes) {
      if (imageSize < 1 || maxChunkBytes < 1) {
        throw new IllegalArgumentException("imageSize " + imageSize + ", chunk " + maxChunkBytes);
      }
      this.imageSize = imageSize;
      this.perChunk = Math.max(1, maxChunkBytes / imageSize);
    }

    /**
     * A slot of {@link #imageSize()} bytes for the next image: write it at {@link #slotOffset()} of
     * the returned array, then call {@link #commit()}.
     */
    public byte[] slot() {
      if (current == null) {
        current = new byte[Math.min(perChunk, 64) * imageSize];
        chunks.add(current);
        inCurrent = 0;
      } else if (inCurrent * imageSize == current.length) {
        int capacity = current.length / imageSize;
        if (capacity < perChunk) {
          // grow geometrically up to a full chunk, so that small sets stay small
          current = Arrays.copyOf(current, Math.min(perChunk, 2 * capacity) * imageSize);
          chunks.set(chunks.size() - 1, current);
        } else {
          current = new byte[perChunk * imageSize];
          chunks.add(current);
          inCurrent = 0;
        }
      }
      return current;
    }

    public int slotOffset() {
      return inCurrent * imageSize;
    }

    public void commit() {
      inCurrent++;
      count++;
    }

    public int imageSize() {
      return imageSize;
    }

    public int count() {
      return count;
    }

    public void add(byte[] src, int offset) {
      byte[] s = slot();
      System.arraycopy(src, offset, s, slotOffset(), imageSize);
      commit();
    }

    public ImageStore build() {
      int n = chunks.size();
      byte[][] cs = new byte[n][];
      int[] starts = new int[n];
      int start = 0;
      for (int c = 0; c < n; c++) {
        byte[] chunk = chunks.get(c);
        int images = c == n - 1 ? count - start : chunk.length / imageSize;
        cs[c] =
            images * imageSize == chunk.length ? chunk : Arrays.copyOf(chunk, images * imageSize);
        starts[c] = start;
        start += images;
      }
      if (n == 0) {
        return new ImageStore(imageSize, new byte[][] {new byte[0]}, new int[] {0}, 0);
      }
      return new ImageStore(imageSize, cs, starts, count);
    }
  }
}
