package org.batchcuration.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.ConfigMismatchException;
import org.batchcuration.runfolder.FolderKind;
import org.batchcuration.runfolder.NoRunException;
import org.batchcuration.runfolder.RunExistsException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunFolderException;
import org.batchcuration.runfolder.WrongFolderKindException;

/**
 * The files of a run folder (see docs/internal-contracts.md) and the rules for starting, resuming
 * and overwriting a run in it. The names and shared rules come from {@link RunFiles}; this class
 * adds training's rules.
 */
final class TrainingFolder {

  /** The kind of folder, in messages. */
  static final String KIND = "run folder";

  private final Path dir;
  private final Consumer<String> log;

  /** A folder whose checkpoint recovery notes go to stderr. */
  TrainingFolder(Path dir) {
    this(dir, line -> System.err.println(line));
  }

  /** A folder whose checkpoint recovery notes ({@link CheckpointStore}) go to {@code log}. */
  TrainingFolder(Path dir, Consumer<String> log) {
    this.dir = dir.toAbsolutePath().normalize();
    this.log = Objects.requireNonNull(log, "log");
  }

  Path dir() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  CheckpointStore checkpoints() {
    return new CheckpointStore(dir.resolve(RunFiles.CHECKPOINTS), log);
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
   * {@link #check} plus the length of {@code metrics.jsonl} the checkpoint records, without logging
   * (a resume repeats it once the lock is held): every reason to refuse a resume is found before
   * anything in the folder is written, the lock file included.
   *
   * @throws RunFolderException when the folder cannot be used for {@code mode}
   */
  void checkBeforeWriting(RunMode mode, String resolvedConfigJson) {
    validate(mode, resolvedConfigJson);
    if (mode == RunMode.RESUME) {
      Optional<Checkpoint> c =
          new CheckpointStore(dir.resolve(RunFiles.CHECKPOINTS), line -> {}).latest();
      MetricsWriter.requireLength(
          file(RunFiles.METRICS), c.map(Checkpoint::metricsBytes).orElse(0L));
    }
  }

  /**
   * {@link #check} without reading the checkpoints: what can be said before the folder's lock is
   * held (another writer may be writing checkpoints meanwhile).
   *
   * @throws RunFolderException when the folder cannot be used for {@code mode}
   */
  void validate(RunMode mode, String resolvedConfigJson) {
    FolderKind kind = FolderKind.of(dir);
    switch (kind) {
      case FILE ->
          throw new WrongFolderKindException(
              dir, kind, dir + " is a file, not a run folder; choose a folder with --out DIR");
      case ABLATION ->
          throw new WrongFolderKindException(
              dir,
              kind,
              dir
                  + " is an ablation folder, not a run folder; nothing was changed: "
                  + (mode == RunMode.RESUME
                      ? "run the same ablate command again to continue it, or resume one of its"
                          + " runs (--resume "
                          + dir
                          + "/<cell>/seed-<s>)"
                      : "choose another folder with --out DIR"));
      default -> {
        // decided per mode below
      }
    }
    switch (mode) {
      case FRESH -> {
        if (kind == FolderKind.RUN) {
          throw new RunExistsException(dir);
        }
        if (kind == FolderKind.RUN_REMAINS) {
          throw new WrongFolderKindException(
              dir,
              kind,
              dir
                  + " holds "
                  + kind.description()
                  + " (checkpoints, metrics or results that cannot be resumed); nothing was"
                  + " changed: replace them with --overwrite, or choose another folder with --out"
                  + " DIR");
        }
      }
      case OVERWRITE -> {
        // a run, its remains, other files: the run's files are replaced, others are kept
      }
      case RESUME -> {
        if (kind != FolderKind.RUN) {
          throw new NoRunException(
              dir,
              dir
                  + " holds no run to resume ("
                  + RunFiles.CONFIG
                  + " is missing); "
                  + (kind == FolderKind.RUN_REMAINS
                      ? "nothing was changed: its checkpoints cannot be resumed without it;"
                          + " replace them with train CONFIG --out "
                          + dir
                          + " --overwrite, or start in another folder with --out DIR"
                      : "start a fresh run with train CONFIG --out " + dir));
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
      throw new NoRunException(dir, dir + " holds no run (" + RunFiles.CONFIG + " is missing)");
    }
    return checkpoints()
        .latest()
        .orElseThrow(
            () -> new NoRunException(dir, dir + " holds no checkpoint (checkpoints/latest)"));
  }

  private void requireSameConfig(String resolvedConfigJson) {
    Optional<String> diff = RunFiles.configDifference(dir, resolvedConfigJson);
    if (diff.isPresent()) {
      throw new ConfigMismatchException(
          dir,
          diff.get(),
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
