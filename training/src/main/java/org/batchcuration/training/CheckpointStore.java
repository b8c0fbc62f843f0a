package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code checkpoints/} folder: {@code ckpt-<step>.bin} files and a {@code latest} pointer
 * holding the name of the newest one. Each file and the pointer are written atomically, the pointer
 * after the file, so a crash leaves the previous checkpoint in force. Keeps the latest {@value
 * #KEEP}. Used by the training thread only.
 */
final class CheckpointStore {
  static final int KEEP = 2;
  static final String LATEST = "latest";
  private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)\\.bin");

  private final Path dir;

  CheckpointStore(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code ckpt} as {@code ckpt-<step>.bin}, points {@code latest} at it, prunes. */
  Path write(Checkpoint ckpt) {
    Path file = dir.resolve("ckpt-" + ckpt.step() + ".bin");
    AtomicFiles.write(file, ckpt.toBytes());
    AtomicFiles.writeString(dir.resolve(LATEST), file.getFileName() + "\n");
    prune(file);
    return file;
  }

  /** The latest checkpoint's file, when there is one. */
  Optional<Path> latestFile() {
    Path pointer = dir.resolve(LATEST);
    if (!Files.isRegularFile(pointer)) {
      return Optional.empty();
    }
    try {
      String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
      if (!NAME.matcher(name).matches()) {
        throw new RunFolderException(pointer + " does not name a checkpoint: \"" + name + "\"");
      }
      Path file = dir.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new RunFolderException(pointer + " names " + name + ", which is missing");
      }
      return Optional.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pointer + ": " + e.getMessage(), e);
    }
  }

  /** The latest checkpoint, when there is one. */
  Optional<Checkpoint> latest() {
    return latestFile().map(CheckpointStore::read);
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
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    files.sort(Comparator.comparingLong(CheckpointStore::stepOf).reversed());
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
