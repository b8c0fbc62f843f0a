package org.batchcuration.training;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs an action with the process's standard error (file descriptor 2) pointed at a temporary file,
 * then hands the lines written there to a consumer. The engines' native libraries print start-up
 * messages straight to file descriptor 2 (MXNet: {@code MXNet start using engine: NaiveEngine}),
 * where no Java logging configuration reaches; this keeps them off the screen and in the log. On a
 * platform without POSIX {@code dup}/{@code dup2} the action runs as is. Not reentrant: callers
 * synchronize.
 */
public final class NativeStderr {
  /**
   * The system property that, when {@code true}, leaves the engines' native start-up output on
   * stderr ({@code ./curation --verbose} sets it).
   */
  public static final String SHOW_PROPERTY = "batchcuration.engine.stderr";

  private static final int STDERR = 2;
  private static final int O_WRONLY = 1;

  /** The libc calls used: JNA comes with DJL. */
  interface LibC extends Library {
    int dup(int fd);

    int dup2(int from, int to);

    int open(String path, int flags);

    int close(int fd);

    int fflush(Pointer stream);
  }

  private NativeStderr() {}

  /**
   * The value of {@code action}; what native code wrote to stderr meanwhile goes to {@code lines}.
   */
  static <T> T capture(Supplier<T> action, Consumer<String> lines) {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(lines, "lines");
    LibC libc = libc();
    if (libc == null) {
      return action.get();
    }
    Path file;
    try {
      file = Files.createTempFile("curation-native-stderr", ".log");
    } catch (IOException e) {
      return action.get();
    }
    try {
      System.err.flush();
      int saved = libc.dup(STDERR);
      int target = saved < 0 ? -1 : libc.open(file.toString(), O_WRONLY);
      if (target < 0 || libc.dup2(target, STDERR) < 0) {
        closeAll(libc, saved, target);
        return action.get();
      }
      try {
        return action.get();
      } finally {
        System.err.flush();
        libc.fflush(Pointer.NULL);
        libc.dup2(saved, STDERR);
        closeAll(libc, saved, target);
        forward(file, lines);
      }
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit();
      }
    }
  }

  private static void closeAll(LibC libc, int... fds) {
    for (int fd : fds) {
      if (fd >= 0) {
        libc.close(fd);
      }
    }
  }

  private static void forward(Path file, Consumer<String> lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      all.stream().filter(l -> !l.isBlank()).forEach(lines);
    } catch (IOException e) {
      lines.accept("(cannot read the captured native output: " + e + ")");
    }
  }

  private static LibC libc() {
    if (Platform.isWindows()) {
      return null;
    }
    try {
      return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    } catch (LinkageError e) {
      return null;
    }
  }
}
