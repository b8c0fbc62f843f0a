package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes files so that a reader (or a crash) sees either the old or the new contents: a temp file
 * in the same folder, fsync, rename over the target, fsync of the folder; when a write fails the
 * temp file is removed and the target keeps its old contents. Thread-safe.
 *
 * <p>Tests can simulate a full disk with {@link #simulateSpaceLeft(long)}: writes through this
 * class (and {@link MetricsWriter}) then fail with {@code IOException("No space left on device")}
 * once that many bytes were written. Production code never sets it.
 */
final class AtomicFiles {
  /** What a full disk reports (ENOSPC). */
  static final String NO_SPACE = "No space left on device";

  private static final AtomicLong SPACE_LEFT = new AtomicLong(Long.MAX_VALUE);
  private static volatile long pauseMidWriteMillis;

  private AtomicFiles() {}

  /** Test hook: writes fail as on a full disk after {@code bytes} more bytes. */
  static void simulateSpaceLeft(long bytes) {
    SPACE_LEFT.set(bytes);
  }

  /**
   * Test hook: {@link #write} writes the first half of each temp file, forces it to disk and sleeps
   * this long before the rest, so a test can kill the process while a temp file is torn (0 = off).
   */
  static void pauseMidWrite(long millis) {
    pauseMidWriteMillis = millis;
  }

  /** Test hook: ends {@link #simulateSpaceLeft(long)}. */
  static void clearSimulatedSpace() {
    SPACE_LEFT.set(Long.MAX_VALUE);
  }

  /**
   * Writes all of {@code buf} to {@code ch} (honouring {@link #simulateSpaceLeft(long)}).
   *
   * @throws IOException when the channel fails or the simulated disk is full
   */
  static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
    long left = SPACE_LEFT.get();
    if (left != Long.MAX_VALUE && left < buf.remaining()) {
      ByteBuffer part = buf.slice().limit((int) left);
      while (part.hasRemaining()) {
        ch.write(part);
      }
      SPACE_LEFT.set(0);
      throw new IOException(NO_SPACE);
    }
    int n = buf.remaining();
    while (buf.hasRemaining()) {
      ch.write(buf);
    }
    if (left != Long.MAX_VALUE) {
      SPACE_LEFT.addAndGet(-n);
    }
  }

  static void write(Path target, byte[] content) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          long pause = pauseMidWriteMillis;
          if (pause > 0) {
            writeFully(ch, ByteBuffer.wrap(content, 0, content.length / 2));
            ch.force(true);
            sleep(pause);
            writeFully(
                ch,
                ByteBuffer.wrap(content, content.length / 2, content.length - content.length / 2));
          } else {
            writeFully(ch, ByteBuffer.wrap(content));
          }
          ch.force(true);
        }
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
      syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing", e);
    }
  }

  static void writeString(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Renames {@code source} to {@code target} atomically where the file system allows. */
  static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes a folder's entries (renames) to disk; a no-op where the platform cannot. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a folder for reading; the rename itself is still atomic.
    }
  }

  /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              if (exc != null) {
                throw exc;
              }
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }
}
