package org.batchcuration.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.batchcuration.runfolder.RunJson;

/**
 * The files of a run folder (see docs/internal-contracts.md) and the rules for starting, resuming
 * and overwriting a run in it. The names and shared rules come from {@link RunFiles}; this class
 * adds training's rules.
 */
final class RunFolder {

  /** The kind of folder, in messages. */
  static final String KIND = "run folder";

  private final Path dir;

  RunFolder(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  CheckpointStore checkpoints() {
    return new CheckpointStore(dir.resolve(RunFiles.CHECKPOINTS));
  }

  boolean holdsRun() {
    return RunFiles.holdsRun(dir);
  }

  /**
   * Prepares the folder for {@code mode} ({@link #check} then {@link #create}) and returns the
   * checkpoint to resume from (empty: start at step 0).
   */
  Optional<Checkpoint> prepare(RunMode mode, String resolvedConfigJson) {
    Optional<Checkpoint> resume = check(mode, resolvedConfigJson);
    create(mode);
    return resume;
  }

  /**
   * Checks that the folder can be used for {@code mode} without writing anything, and returns the
   * checkpoint to resume from (empty: start at step 0).
   *
   * @throws RunFolderException when it cannot
   */
  Optional<Checkpoint> check(RunMode mode, String resolvedConfigJson) {
    validate(mode, resolvedConfigJson);
    return mode == RunMode.RESUME ? checkpoints().latest() : Optional.empty();
  }

  /**
   * {@link #check} without reading the checkpoints: what can be said before the folder's lock is
   * held (another writer may be writing checkpoints meanwhile).
   *
   * @throws RunFolderException when the folder cannot be used for {@code mode}
   */
  void validate(RunMode mode, String resolvedConfigJson) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RunFolderException(dir + " is a file, not a run folder");
    }
    switch (mode) {
      case FRESH -> {
        if (holdsRun()) {
          throw new RunFolderException(
              dir
                  + " already holds a run ("
                  + RunFiles.CONFIG
                  + " exists); resume it, choose another folder, or overwrite it");
        }
      }
      case OVERWRITE -> {
        // anything may be replaced
      }
      case RESUME -> {
        if (!holdsRun()) {
          throw new RunFolderException(
              dir
                  + " holds no run to resume ("
                  + RunFiles.CONFIG
                  + " is missing); start a fresh run");
        }
        requireSameConfig(resolvedConfigJson);
      }
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  /**
   * Makes the folder ready for {@code mode} once {@link #check} passed: OVERWRITE deletes the
   * previous run's files, RESUME deletes the temp files a killed process left anywhere in the
   * folder; all create {@code checkpoints/}.
   */
  void create(RunMode mode) {
    switch (mode) {
      case FRESH -> createFolders();
      case OVERWRITE -> {
        for (String name : RunFiles.RUN_FILES) {
          AtomicWrite.deleteRecursively(file(name));
        }
        createFolders();
      }
      case RESUME -> {
        createFolders();
        RunFiles.removeTempFiles(dir);
      }
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  /** The final (latest) checkpoint of a run, for evaluate and embed. */
  Checkpoint requireLatestCheckpoint() {
    if (!holdsRun()) {
      throw new RunFolderException(dir + " holds no run (" + RunFiles.CONFIG + " is missing)");
    }
    return checkpoints()
        .latest()
        .orElseThrow(
            () -> new RunFolderException(dir + " holds no checkpoint (checkpoints/latest)"));
  }

  private void requireSameConfig(String resolvedConfigJson) {
    JsonNode saved = RunJson.read(file(RunFiles.CONFIG));
    JsonNode now = RunJson.parse(resolvedConfigJson, "the resolved config");
    Optional<String> diff = RunJson.firstDifference(saved, now, "$");
    if (diff.isPresent()) {
      throw new RunFolderException(
          "cannot resume "
              + dir
              + ": its "
              + RunFiles.CONFIG
              + " differs from this run's config at "
              + diff.get()
              + " (saved vs now); resume with the same config or start a fresh run");
    }
  }

  private void createFolders() {
    try {
      Files.createDirectories(dir.resolve(RunFiles.CHECKPOINTS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
