package org.batchcuration.runfolder;

import java.io.IOException;
import java.io.OutputStream;
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
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one atomic write of the framework: every file in a run folder, an ablation folder, an {@code
 * embed} output or a bench result goes through it, so that a reader (or a crash) sees either the
 * old or the new contents. A temp file {@code .<name>.<digits>.tmp} in the same folder (see {@link
 * RunFiles#isTemp}), fsync, rename over the target, fsync of the folder; when a write fails the
 * temp file is removed and the target keeps its old contents, and when the process dies the temp
 * file is what {@link RunFiles#removeTempFiles} deletes. Thread-safe.
 *
 * <p>Tests can simulate a full disk with {@link #simulateSpaceLeft(long)}: writes through this
 * class then fail with {@code IOException("No space left on device")} once that many bytes were
 * written, and a torn write with {@link #pauseMidWrite(long)}. Production code never sets them.
 */
public final class AtomicWrite {
  /** What a full disk reports (ENOSPC). */
  public static final String NO_SPACE = "No space left on device";

  private static final AtomicLong SPACE_LEFT = new AtomicLong(Long.MAX_VALUE);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile long pauseMidWriteMillis;

  /** Something that writes a file's content to a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Something that fills a fresh folder. */
  @FunctionalInterface
  public interface FolderContent {
    void writeInto(Path folder) throws IOException;
  }

  private AtomicWrite() {}

  /** Test hook: writes fail as on a full disk after {@code bytes} more bytes. */
  public static void simulateSpaceLeft(long bytes) {
    SPACE_LEFT.set(bytes);
  }

  /** Test hook: ends {@link #simulateSpaceLeft(long)}. */
  public static void clearSimulatedSpace() {
    SPACE_LEFT.set(Long.MAX_VALUE);
  }

  /**
   * Test hook: {@link #write} writes the first half of each temp file, forces it to disk and sleeps
   * this long before the rest, so a test can kill the process while a temp file is torn (0 = off).
   */
  public static void pauseMidWrite(long millis) {
    pauseMidWriteMillis = millis;
  }

  /**
   * Writes all of {@code buf} to {@code ch} (honouring {@link #simulateSpaceLeft(long)}); for
   * writers that append to a file they own, such as the metrics log.
   *
   * @throws IOException when the channel fails or the simulated disk is full
   */
  public static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
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

  /**
   * Replaces {@code target} with {@code content}.
   *
   * @throws UncheckedIOException naming the target when it cannot
   */
  public static void write(Path target, byte[] content) {
    write(target, ByteBuffer.wrap(content));
  }

  /** Replaces {@code target} with {@code text} in UTF-8. */
  public static void writeString(Path target, String text) {
    write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces {@code target} with the remaining bytes of {@code parts}, in order (their positions
   * are consumed).
   *
   * @throws UncheckedIOException naming the target when it cannot
   */
  public static void write(Path target, ByteBuffer... parts) {
    try {
      writeChecked(target, parts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces {@code target} with what {@code content} writes to a stream (charts, reports).
   *
   * @throws IOException naming the target when it cannot
   */
  public static void write(Path target, Content content) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path tmp = tempFile(dir, target);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = new ChannelOutput(ch)) {
        content.writeTo(out);
        out.flush();
        ch.force(true);
      }
      move(tmp, target);
    } catch (IOException e) {
      throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncDirectory(dir);
  }

  /**
   * Replaces the folder {@code target} with a folder that {@code content} fills: it is filled under
   * a temp name in the same parent, then renamed into place. A crash leaves the old folder, or the
   * new one, or (between deleting the old and renaming) none, never a half-written one.
   *
   * @throws UncheckedIOException naming the target when it cannot
   */
  public static void replaceFolder(Path target, FolderContent content) {
    Path dir = parent(target);
    Path tmp = dir.resolve(tempName(target));
    try {
      Files.createDirectories(tmp);
      try {
        content.writeInto(tmp);
        deleteRecursively(target);
        move(tmp, target);
      } finally {
        deleteRecursively(tmp);
      }
      syncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
    }
  }

  private static void writeChecked(Path target, ByteBuffer... parts) throws IOException {
    Path dir = parent(target);
    Files.createDirectories(dir);
    Path tmp = tempFile(dir, target);
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        long pause = pauseMidWriteMillis;
        long total = 0;
        for (ByteBuffer p : parts) {
          total += p.remaining();
        }
        long half = total / 2;
        long written = 0;
        boolean paused = pause <= 0;
        for (ByteBuffer p : parts) {
          if (!paused && written + p.remaining() >= half) {
            int cut = (int) (half - written);
            ByteBuffer first = p.slice().limit(cut);
            writeFully(ch, first);
            p.position(p.position() + cut);
            written += cut;
            ch.force(true);
            sleep(pause);
            paused = true;
          }
          written += p.remaining();
          writeFully(ch, p);
        }
        ch.force(true);
      }
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    syncDirectory(dir);
  }

  private static Path parent(Path target) {
    return target.toAbsolutePath().getParent();
  }

  /**
   * A new, empty temp file {@code .<name>.<digits>.tmp} beside the target, created with the
   * process's default mode (0644 under the usual umask 022, as every other file the framework
   * writes; {@link Files#createTempFile} would make it 0600, and the rename keeps the mode).
   */
  private static Path tempFile(Path dir, Path target) throws IOException {
    while (true) {
      try {
        return Files.createFile(dir.resolve(tempName(target)));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // another writer drew the same number: draw again
      }
    }
  }

  /** {@code .<name>.<digits>.tmp}, the shape {@link RunFiles#isTemp} knows. */
  private static String tempName(Path target) {
    return "." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".tmp";
  }

  private static void sleep(long millis) throws IOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing", e);
    }
  }

  /** Renames {@code source} to {@code target} atomically where the file system allows. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Flushes a folder's entries (renames) to disk; a no-op where the platform cannot. */
  public static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open a folder for reading; the rename itself is still atomic.
    }
  }

  /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
  public static void deleteRecursively(Path path) {
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

  /** A buffered stream onto a channel that honours the full-disk test hook. */
  private static final class ChannelOutput extends OutputStream {
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    ChannelOutput(FileChannel ch) {
      this.ch = ch;
    }

    @Override
    public void write(int b) throws IOException {
      if (!buf.hasRemaining()) {
        flush();
      }
      buf.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (!buf.hasRemaining()) {
          flush();
        }
        int n = Math.min(len, buf.remaining());
        buf.put(b, off, n);
        off += n;
        len -= n;
      }
    }

    @Override
    public void flush() throws IOException {
      buf.flip();
      writeFully(ch, buf);
      buf.clear();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
