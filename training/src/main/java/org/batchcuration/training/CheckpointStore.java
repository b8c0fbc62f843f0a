package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.DamagedRunException;
import org.batchcuration.runfolder.RunFolderException;

/**
 * The {@code checkpoints/} folder: {@code ckpt-<step>.bin} files and a {@code latest} pointer
 * holding the name of the newest one. Each file and the pointer are written atomically, the pointer
 * after the file, so a crash leaves the previous checkpoint in force. Keeps the latest {@value
 * #KEEP}. Every file ends with a CRC32 (see {@link Checkpoint}), so a damaged file is recognised:
 * when the latest one is damaged or missing, {@link #latest()} falls back to the newest good one
 * and logs a line saying so. Used by the training thread only.
 */
final class CheckpointStore {
  static final int KEEP = 2;
  static final String LATEST = "latest";
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.bin");

  private final Path dir;
  private final Consumer<String> log;

  /** A store that logs fallbacks to stderr. */
  CheckpointStore(Path dir) {
    this(dir, line -> System.err.println(line));
  }

  /**
   * @param log receives one line per recovery decision (a damaged checkpoint skipped)
   */
  CheckpointStore(Path dir, Consumer<String> log) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.log = Objects.requireNonNull(log, "log");
  }

  Path dir() {
    return dir;
  }

  /**
   * Writes {@code ckpt} as {@code ckpt-<step>.bin}, points {@code latest} at it, prunes.
   *
   * @throws UncheckedIOException when a write fails (a full disk, say); the message says which
   *     checkpoint is still in force, and no temp file is left behind
   */
  Path write(Checkpoint ckpt) {
    Path file = dir.resolve("ckpt-" + ckpt.step() + ".bin");
    Optional<String> previous = pointerName();
    try {
      AtomicWrite.write(file, ckpt.toBytes());
      AtomicWrite.writeString(dir.resolve(LATEST), file.getFileName() + "\n");
    } catch (UncheckedIOException e) {
      throw new UncheckedIOException(
          "cannot write checkpoint "
              + file.getFileName()
              + " in "
              + dir
              + ": "
              + e.getCause().getMessage()
              + "; "
              + previous
                  .map(p -> "the previous checkpoint " + p + " is intact")
                  .orElse("there is no earlier checkpoint"),
          e.getCause());
    }
    prune(file);
    return file;
  }

  /**
   * The latest good checkpoint, when there is one: the one {@code latest} names, or, when that one
   * is damaged or missing (or the pointer is), the newest checkpoint file that reads back intact.
   *
   * @throws RunFolderException when checkpoint files exist but none of them is intact
   */
  Optional<Checkpoint> latest() {
    List<Path> files = files();
    Optional<String> pointed = pointerName();
    Path pointer = dir.resolve(LATEST);
    if (pointed.isEmpty()) {
      if (files.isEmpty()) {
        return Optional.empty();
      }
      log.accept(
          "warning: " + pointer + " is missing; looking for the newest intact checkpoint file");
      return Optional.of(newestIntact(files, null));
    }
    String name = pointed.get();
    if (!NAME.matcher(name).matches()) {
      if (files.isEmpty()) {
        throw new RunFolderException(pointer + " does not name a checkpoint: \"" + name + "\"");
      }
      log.accept(
          "warning: "
              + pointer
              + " does not name a checkpoint (\""
              + name
              + "\"); looking for the newest intact checkpoint file");
      return Optional.of(newestIntact(files, null));
    }
    Path file = dir.resolve(name);
    RunFolderException failure;
    if (!Files.isRegularFile(file)) {
      failure = new RunFolderException(pointer + " names " + name + ", which is missing");
    } else {
      try {
        return Optional.of(read(file));
      } catch (RunFolderException e) {
        failure = e;
      }
    }
    List<Path> others = files.stream().filter(p -> !p.equals(file)).toList();
    if (others.isEmpty()) {
      throw failure;
    }
    log.accept(
        "warning: "
            + failure.getMessage()
            + "; falling back to the previous checkpoint (work since then is redone)");
    return Optional.of(newestIntact(others, failure));
  }

  /** The checkpoint in the newest of {@code files} (newest first) that reads back intact. */
  private Checkpoint newestIntact(List<Path> files, RunFolderException first) {
    RunFolderException last = first;
    for (Path p : files) {
      try {
        Checkpoint c = read(p);
        log.accept("resuming from checkpoint " + p.getFileName() + " (step " + c.step() + ")");
        return c;
      } catch (RunFolderException e) {
        log.accept("warning: " + e.getMessage() + "; trying an older checkpoint");
        last = e;
      }
    }
    throw new DamagedRunException(
        "no intact checkpoint in "
            + dir
            + " (the last error: "
            + (last == null ? "none" : last.getMessage())
            + "); start a fresh run or overwrite the folder",
        last);
  }

  /** The name in {@code latest}, when the pointer exists. */
  private Optional<String> pointerName() {
    Path pointer = dir.resolve(LATEST);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(pointer, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }

  /** Checkpoint files, newest (highest step) first. */
  List<Path> files() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparingLong(CheckpointStore::stepOf).reversed());
    return files;
  }

  static Checkpoint read(Path file) {
    try {
      return Checkpoint.fromBytes(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new RunFolderException("cannot restore " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void prune(Path keepNewest) {
    List<Path> files = files();
    long newest = stepOf(keepNewest);
    int olderKept = 0;
    for (Path p : files) {
      long step = stepOf(p);
      if (step == newest) {
        continue;
      }
      if (step < newest && olderKept < KEEP - 1) {
        olderKept++;
        continue;
      }
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + p + ": " + e.getMessage(), e);
      }
    }
  }

  private static long stepOf(Path p) {
    Matcher m = NAME.matcher(p.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException(p.toString());
    }
    return Long.parseLong(m.group(1));
  }
}
