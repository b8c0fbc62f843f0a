package org.batchcuration.runner.tensorboard;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.zip.CRC32C;

/**
 * A TensorBoard event file ({@code events.out.tfevents.<seconds>.<host>.<pid>}) holding scalar and
 * histogram summaries: TFRecord framing (length, masked CRC-32C of the length, the record, its
 * masked CRC-32C) around {@code tensorflow.Event} messages, the first one naming the file version
 * {@code brain.Event:2}. The few protobuf fields used (Event: wall_time 1, step 2, file_version 3,
 * summary 5; Summary: value 1; Summary.Value: tag 1, simple_value 2, histo 5; HistogramProto: min
 * 1, max 2, num 3, sum 4, sum_squares 5, bucket_limit 6, bucket 7, the last two packed) are encoded
 * here rather than with protobuf-java, whose 3.x (Spark's) and 4.x lines would both be on an
 * ablation's class path. Not thread-safe.
 */
final class EventFile implements Closeable {
  private static final int MASK_DELTA = 0xa282ead8;

  private final Path file;
  private final OutputStream out;

  private EventFile(Path file, OutputStream out) {
    this.file = file;
    this.out = out;
  }

  /** Creates a new event file in {@code dir} (created when missing). */
  static EventFile create(Path dir) throws IOException {
    Files.createDirectories(dir);
    long seconds = System.currentTimeMillis() / 1000;
    String name =
        "events.out.tfevents." + seconds + "." + host() + "." + ProcessHandle.current().pid();
    Path file = dir.resolve(name);
    for (int n = 1; Files.exists(file); n++) {
      file = dir.resolve(name + "." + n);
    }
    OutputStream out =
        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    EventFile f = new EventFile(file, out);
    ByteArrayOutputStream event = new ByteArrayOutputStream();
    double1(event, 1, System.currentTimeMillis() / 1000.0);
    bytes(event, 3, "brain.Event:2".getBytes(StandardCharsets.UTF_8));
    f.record(event.toByteArray());
    return f;
  }

  Path file() {
    return file;
  }

  /** Appends one scalar {@code tag = value} at {@code step}. */
  void scalar(String tag, long step, double value) throws IOException {
    Objects.requireNonNull(tag, "tag");
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    bytes(v, 1, tag.getBytes(StandardCharsets.UTF_8));
    float1(v, 2, (float) value);
    summary(step, v);
  }

  /**
   * Appends one histogram {@code tag} at {@code step}: {@code counts[k]} values in {@code
   * [edges[k], edges[k+1])}. TensorBoard's buckets are the bins from the first to the last
   * non-empty one ({@code min} and {@code max} their outer edges, {@code bucket_limit} their right
   * edges); {@code sum} and {@code sum_squares} take each value at its bin's centre. Nothing is
   * written when every count is 0.
   *
   * @throws IllegalArgumentException when there are not {@code edges.length - 1} counts
   */
  void histogram(String tag, long step, double[] edges, long[] counts) throws IOException {
    Objects.requireNonNull(tag, "tag");
    if (counts.length != edges.length - 1) {
      throw new IllegalArgumentException(
          counts.length + " counts for " + edges.length + " edges (need edges - 1)");
    }
    int first = 0;
    while (first < counts.length && counts[first] == 0) {
      first++;
    }
    if (first == counts.length) {
      return;
    }
    int last = counts.length - 1;
    while (counts[last] == 0) {
      last--;
    }
    double num = 0;
    double sum = 0;
    double squares = 0;
    ByteArrayOutputStream limits = new ByteArrayOutputStream();
    ByteArrayOutputStream buckets = new ByteArrayOutputStream();
    for (int k = first; k <= last; k++) {
      double centre = (edges[k] + edges[k + 1]) / 2;
      num += counts[k];
      sum += counts[k] * centre;
      squares += counts[k] * centre * centre;
      limits.writeBytes(littleEndian(edges[k + 1]));
      buckets.writeBytes(littleEndian((double) counts[k]));
    }
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    double1(h, 1, edges[first]);
    double1(h, 2, edges[last + 1]);
    double1(h, 3, num);
    double1(h, 4, sum);
    double1(h, 5, squares);
    bytes(h, 6, limits.toByteArray());
    bytes(h, 7, buckets.toByteArray());
    ByteArrayOutputStream v = new ByteArrayOutputStream();
    bytes(v, 1, tag.getBytes(StandardCharsets.UTF_8));
    bytes(v, 5, h.toByteArray());
    summary(step, v);
  }

  /** Appends an event at {@code step} whose summary holds the one encoded {@code value}. */
  private void summary(long step, ByteArrayOutputStream value) throws IOException {
    ByteArrayOutputStream summary = new ByteArrayOutputStream();
    bytes(summary, 1, value.toByteArray());
    ByteArrayOutputStream event = new ByteArrayOutputStream();
    double1(event, 1, System.currentTimeMillis() / 1000.0);
    varintField(event, 2, step);
    bytes(event, 5, summary.toByteArray());
    record(event.toByteArray());
  }

  void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private void record(byte[] data) throws IOException {
    byte[] length =
        ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
    out.write(length);
    out.write(int32(maskedCrc(length)));
    out.write(data);
    out.write(int32(maskedCrc(data)));
  }

  /** TFRecord's masked CRC-32C. */
  static int maskedCrc(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + MASK_DELTA;
  }

  private static byte[] int32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void varintField(ByteArrayOutputStream out, int field, long v) {
    varint(out, (long) field << 3);
    varint(out, v);
  }

  private static void double1(ByteArrayOutputStream out, int field, double v) {
    varint(out, ((long) field << 3) | 1);
    out.writeBytes(littleEndian(v));
  }

  private static byte[] littleEndian(double v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putDouble(v).array();
  }

  private static void float1(ByteArrayOutputStream out, int field, float v) {
    varint(out, ((long) field << 3) | 5);
    out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(v).array());
  }

  private static void bytes(ByteArrayOutputStream out, int field, byte[] v) {
    varint(out, ((long) field << 3) | 2);
    varint(out, v.length);
    out.writeBytes(v);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
