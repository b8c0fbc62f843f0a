package org.batchcuration.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The single-writer lock of a folder that a process writes: a run folder ({@code train}, {@code
 * --resume}, {@code --overwrite}, {@code eval}), an ablation folder, a Spark task's scratch folder.
 * Every writer of such a folder takes it, through {@link #acquire}, before it writes anything there
 * and holds it for as long as it writes; readers take none.
 *
 * <p>The lock is an exclusive OS lock ({@link FileChannel#tryLock}, {@code fcntl} on Linux) on the
 * file {@value #FILE} inside the folder, so it dies with the process: a SIGKILLed writer blocks no
 * one, and a lock file left behind without an OS lock is simply taken over. The file records the
 * holder (pid, host, start time, what it does) for the message a second writer gets; it is never
 * deleted (deleting a lock file while others may have it open would let two writers in).
 *
 * <p>POSIX locks belong to the process, and closing <em>any</em> descriptor of the file releases
 * them: the holder's process must never open {@value #FILE} other than through this class (run
 * folder copies skip it, see {@link #FILE}). Locks taken in this JVM are also kept in a table, so a
 * second writer in the same JVM is refused without opening the file. Thread-safe.
 */
public final class FolderLock implements AutoCloseable {
  /** The lock file's name inside the folder; copies of a run folder leave it out. */
  public static final String FILE = ".lock";

  /**
   * How long to wait for a holder's record to appear (the holder writes it right after locking).
   */
  private static final long RECORD_WAIT_MS = 500;

  /** Folders locked by this JVM (real paths) and their holders' records. */
  private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

  private final Path dir;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path dir, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code dir} if needed and locks it for this process.
   *
   * @param kind what the folder is, for messages ({@code run folder}, {@code ablation folder})
   * @param purpose what the holder does there ({@code train}, {@code eval}), recorded for others
   * @throws RunFolderException (bad input) naming the folder and the holder when another writer
   *     holds it, or when the folder cannot be created or locked
   */
  public static FolderLock acquire(Path dir, String kind, String purpose) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(purpose, "purpose");
    Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    Path real;
    try {
      Files.createDirectories(abs);
      real = abs.toRealPath();
    } catch (IOException e) {
      throw new RunFolderException("cannot create the " + kind + " " + abs + ": " + reason(e), e);
    }
    String record = record(purpose);
    if (HELD_HERE.putIfAbsent(real, record) != null) {
      throw busy(kind, abs, HELD_HERE.getOrDefault(real, ""));
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              real.resolve(FILE),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = readRecord(channel);
        channel.close();
        HELD_HERE.remove(real);
        throw busy(kind, abs, holder);
      }
      byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(bytes), 0);
      channel.force(false);
      return new FolderLock(real, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_HERE.remove(real);
      throw new RunFolderException(
          "cannot lock the "
              + kind
              + " "
              + abs
              + " ("
              + FILE
              + "): "
              + reason(e)
              + "; its file system may not support locks (see docs/scaling.md)",
          e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      HELD_HERE.remove(real);
      throw e;
    }
  }

  /**
   * Refuses early, writing nothing, when another writer holds {@code dir}: a quick look before the
   * slow start of a writer (loading data and engine) that takes the lock later with {@link
   * #acquire}. A folder without a lock file has no writer.
   *
   * @throws RunFolderException as {@link #acquire} does for a held folder
   */
  public static void requireNoWriter(Path dir, String kind) {
    Path abs = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    Path file = abs.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return;
    }
    Path real;
    try {
      real = abs.toRealPath();
    } catch (IOException e) {
      return; // gone: no writer
    }
    // reserved while looking, so that no thread of this JVM locks the file meanwhile: closing the
    // channel below would release its lock
    String here = HELD_HERE.putIfAbsent(real, "");
    if (here != null) {
      throw busy(kind, abs, here);
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        throw busy(kind, abs, readRecord(channel));
      }
      lock.release();
    } catch (IOException e) {
      // no lock file (no writer), or cannot look (a read-only folder, a file system without
      // locks): acquire says why
    } finally {
      HELD_HERE.remove(real);
    }
  }

  /**
   * Checks that this lock is still held, before a write that needs it.
   *
   * @throws IllegalStateException after {@link #close}
   */
  public void requireHeld() {
    if (!lock.isValid()) {
      throw new IllegalStateException("the lock of " + dir + " is no longer held");
    }
  }

  /** The folder this lock holds (its real path). */
  public Path dir() {
    return dir;
  }

  /** Releases the lock; the lock file stays (see the class comment). Idempotent. */
  @Override
  public void close() {
    try {
      if (lock.isValid()) {
        lock.release();
      }
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + dir + ": " + reason(e), e);
    } finally {
      HELD_HERE.remove(dir);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** What the lock file records: one {@code key=value} line each. */
  private static String record(String purpose) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("pid", Long.toString(ProcessHandle.current().pid()));
    m.put("host", host());
    m.put("started", Instant.now().toString());
    m.put("command", purpose);
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
    return b.toString();
  }

  /** The holder's record, read through the channel that failed to lock (never another one). */
  private static String readRecord(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + RECORD_WAIT_MS * 1_000_000;
    while (true) {
      ByteBuffer buf = ByteBuffer.allocate(4096);
      int n = channel.read(buf, 0);
      String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8);
      if (text.contains("command=") || System.nanoTime() > deadline) {
        return text;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return text;
      }
    }
  }

  static FolderInUseException busy(String kind, Path dir, String record) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : record.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    String holder =
        m.containsKey("pid")
            ? "pid "
                + m.get("pid")
                + " on host "
                + m.getOrDefault("host", "?")
                + ", started "
                + m.getOrDefault("started", "?")
                + (m.containsKey("command") ? ", " + m.get("command") : "")
            : "a process that has not recorded itself yet";
    String what = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    return new FolderInUseException(
        what
            + " "
            + dir
            + " is in use by another writer ("
            + holder
            + "); nothing was changed: wait for that process to end or stop it, then try again");
  }

  private static String host() {
    try {
      String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
      if (!h.isEmpty()) {
        return h;
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: ask the resolver
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  private static String reason(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // already failing
      }
    }
  }
}
