package org.batchcuration.training;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of a run folder (see docs/internal-contracts.md) and the rules for starting, resuming
 * and overwriting a run in it. A folder "holds a run" when it has {@code config.resolved.json}.
 */
final class RunFolder {
  static final String CONFIG = "config.resolved.json";
  static final String PROVENANCE = "provenance.json";
  static final String METRICS = "metrics.jsonl";
  static final String METRICS_CSV = "metrics.csv";
  static final String CHECKPOINTS = "checkpoints";
  static final String RESULT = "result.json";
  static final String PROJECTION = "projection2d.json";
  static final String MODEL = "model";
  static final String MODEL_NAME = "encoder";

  /** The kind of folder, in messages. */
  static final String KIND = "run folder";

  /**
   * What OVERWRITE deletes: every file a run writes, nothing else (not {@link FolderLock#FILE}).
   */
  private static final List<String> RUN_FILES =
      List.of(
          CONFIG,
          PROVENANCE,
          METRICS,
          METRICS_CSV,
          CHECKPOINTS,
          RESULT,
          PROJECTION,
          MODEL,
          "report.html",
          "plots",
          "engine.log",
          "tb");

  /** The temp files of {@link AtomicFiles#write}. */
  static final Pattern TEMP = Pattern.compile("\\..+\\.\\d+\\.tmp");

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
    return new CheckpointStore(dir.resolve(CHECKPOINTS));
  }

  boolean holdsRun() {
    return Files.exists(file(CONFIG));
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
                  + CONFIG
                  + " exists); resume it, choose another folder, or overwrite it");
        }
      }
      case OVERWRITE -> {
        // anything may be replaced
      }
      case RESUME -> {
        if (!holdsRun()) {
          throw new RunFolderException(
              dir + " holds no run to resume (" + CONFIG + " is missing); start a fresh run");
        }
        requireSameConfig(resolvedConfigJson);
      }
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  /**
   * Makes the folder ready for {@code mode} once {@link #check} passed: OVERWRITE deletes the
   * previous run's files, RESUME deletes the temp files a killed process left; all create {@code
   * checkpoints/}.
   */
  void create(RunMode mode) {
    switch (mode) {
      case FRESH -> createFolders();
      case OVERWRITE -> {
        for (String name : RUN_FILES) {
          AtomicFiles.deleteRecursively(file(name));
        }
        createFolders();
      }
      case RESUME -> {
        createFolders();
        removeLeftoverTempFiles(dir);
        removeLeftoverTempFiles(dir.resolve(CHECKPOINTS));
      }
      default -> throw new IllegalStateException(mode.toString());
    }
  }

  /** The final (latest) checkpoint of a run, for evaluate and embed. */
  Checkpoint requireLatestCheckpoint() {
    if (!holdsRun()) {
      throw new RunFolderException(dir + " holds no run (" + CONFIG + " is missing)");
    }
    return checkpoints()
        .latest()
        .orElseThrow(
            () -> new RunFolderException(dir + " holds no checkpoint (checkpoints/latest)"));
  }

  private void requireSameConfig(String resolvedConfigJson) {
    JsonNode saved = Json.read(file(CONFIG));
    JsonNode now = Json.parse(resolvedConfigJson, "the resolved config");
    Optional<String> diff = Json.firstDifference(saved, now, "$");
    if (diff.isPresent()) {
      throw new RunFolderException(
          "cannot resume "
              + dir
              + ": its "
              + CONFIG
              + " differs from this run's config at "
              + diff.get()
              + " (saved vs now); resume with the same config or start a fresh run");
    }
  }

  /**
   * Deletes the temp files of atomic writes that a killed process left behind ({@code
   * .<name>.<digits>.tmp}); they never hold anything a run needs.
   */
  private static void removeLeftoverTempFiles(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      for (Path p : s.toList()) {
        if (TEMP.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + folder + ": " + e.getMessage(), e);
    }
  }

  private void createFolders() {
    try {
      Files.createDirectories(dir.resolve(CHECKPOINTS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }
}
