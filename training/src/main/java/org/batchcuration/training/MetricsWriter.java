package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.DamagedRunException;
import org.batchcuration.runfolder.RunJson;

/**
 * Appends lines to {@code metrics.jsonl}: one JSON object per line, flushed after each line. Each
 * line goes to the file with one write call (no buffering in the JVM), so a crash loses at most the
 * line being written; {@link #sync()} forces the file to disk before a checkpoint records its
 * length. Non-finite numbers are left out of the line (a value that is undefined is omitted, never
 * NaN). Not thread-safe: the training thread owns it.
 */
final class MetricsWriter implements AutoCloseable {
  private final Path file;
  private final FileChannel out;
  private long length;

  private MetricsWriter(Path file, FileChannel out, long length) {
    this.file = file;
    this.out = out;
    this.length = length;
  }

  /**
   * Checks, without writing, that {@code file} holds at least the {@code keepBytes} a checkpoint
   * recorded (any length when it is 0), so that a resume is refused before anything is written.
   *
   * @throws DamagedRunException naming the file and both lengths when it does not
   */
  static void requireLength(Path file, long keepBytes) {
    try {
      if (Files.exists(file)) {
        long size = Files.size(file);
        if (size < keepBytes) {
          throw new DamagedRunException(
              file
                  + " holds "
                  + size
                  + " bytes but the checkpoint expects at least "
                  + keepBytes
                  + "; the run folder is damaged and was not changed: replace the run with"
                  + " --overwrite or train it in another folder with --out DIR");
        }
      } else if (keepBytes != 0) {
        throw new DamagedRunException(
            file
                + " is missing but the checkpoint expects "
                + keepBytes
                + " bytes; the run folder is damaged and was not changed: replace the run with"
                + " --overwrite or train it in another folder with --out DIR");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens {@code file} for appending after truncating it to {@code keepBytes} (the length recorded
   * in the checkpoint a run resumes from; 0 for a new run).
   */
  static MetricsWriter open(Path file, long keepBytes) {
    Objects.requireNonNull(file, "file");
    requireLength(file, keepBytes);
    try {
      if (Files.exists(file)) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(keepBytes);
          ch.force(true);
        }
      }
      FileChannel out =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new MetricsWriter(file, out, keepBytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends {@code {"kind":kind,"epoch":epoch,"step":step, ...values}}; non-finite doubles in
   * {@code values} are omitted.
   */
  void write(String kind, int epoch, long step, Map<String, ?> values) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("kind", kind);
    line.put("epoch", epoch);
    line.put("step", step);
    for (Map.Entry<String, ?> e : values.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Double d && !Double.isFinite(d)) {
        continue;
      }
      if (v instanceof Float f && !Float.isFinite(f)) {
        continue;
      }
      line.put(e.getKey(), v);
    }
    byte[] bytes = (RunJson.line(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      AtomicWrite.writeFully(out, ByteBuffer.wrap(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
    length += bytes.length;
  }

  /** Forces the lines written so far to disk (before a checkpoint records the length). */
  void sync() {
    try {
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + file + ": " + e.getMessage(), e);
    }
  }

  /** Bytes in the file so far (what a checkpoint records). */
  long length() {
    return length;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
    }
  }
}
