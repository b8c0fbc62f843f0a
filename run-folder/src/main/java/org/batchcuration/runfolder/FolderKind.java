package org.batchcuration.runfolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a folder on disk is, decided in one place ({@link #of}) for every command that writes one:
 * {@code train} starts a run only in an {@link #EMPTY} or {@link #OTHER} folder, resumes only a
 * {@link #RUN}; {@code ablate} writes only into an {@link #EMPTY}, {@link #OTHER} or {@link
 * #ABLATION} folder. Everything else is refused, naming what the folder is ({@link #description}).
 * Deciding reads the folder's listing and writes nothing. docs/reliability.md states the rules.
 */
public enum FolderKind {
  /** Missing, or holding nothing but a lock file, an engine log or temp files. */
  EMPTY("an empty folder"),
  /** A regular file (or anything else that is not a folder). */
  FILE("a file, not a folder"),
  /** A run folder: its {@value RunFiles#CONFIG} exists. */
  RUN("a run folder"),
  /**
   * What is left of a run whose {@value RunFiles#CONFIG} is missing: checkpoints, metrics, a result
   * or a model without the config that says what they are. It cannot be resumed; only {@code
   * --overwrite} replaces it.
   */
  RUN_REMAINS("the remains of a run whose " + RunFiles.CONFIG + " is missing"),
  /** An ablation folder: its summary, or cell folders holding {@code seed-<s>} run folders. */
  ABLATION("an ablation folder"),
  /** Files that are neither a run's nor an ablation's; a run or an ablation may go beside them. */
  OTHER("a folder of other files");

  /** Names that tell nothing about what a folder is. */
  private static final Set<String> NEUTRAL = Set.of(FolderLock.FILE, RunFiles.ENGINE_LOG);

  /** A run's own files, besides its config, that mark its remains. */
  private static final List<String> RUN_MARKS =
      List.of(
          RunFiles.PROVENANCE,
          RunFiles.METRICS,
          RunFiles.METRICS_CSV,
          RunFiles.RESULT,
          RunFiles.PROJECTION,
          RunFiles.MODEL);

  private final String description;

  FolderKind(String description) {
    this.description = description;
  }

  /** What the folder is, in words for messages ({@code an ablation folder}). */
  public String description() {
    return description;
  }

  /**
   * What {@code dir} is. A folder holding a run's config is a {@link #RUN} even when it holds other
   * things too; an ablation's summary files, or a sub-folder that holds {@code seed-<s>} folders,
   * make an {@link #ABLATION}.
   *
   * @throws UncheckedIOException naming the folder when it cannot be listed
   */
  public static FolderKind of(Path dir) {
    if (!Files.exists(dir)) {
      return EMPTY;
    }
    if (!Files.isDirectory(dir)) {
      return FILE;
    }
    if (RunFiles.holdsRun(dir)) {
      return RUN;
    }
    if (Files.exists(dir.resolve(RunFiles.SUMMARY_CSV))
        || Files.exists(dir.resolve(RunFiles.SUMMARY_MD))) {
      return ABLATION;
    }
    if (RUN_MARKS.stream().anyMatch(n -> Files.exists(dir.resolve(n)))
        || hasCheckpointFiles(dir.resolve(RunFiles.CHECKPOINTS))) {
      return RUN_REMAINS;
    }
    List<Path> entries = list(dir);
    if (entries.stream().anyMatch(FolderKind::holdsSeedFolders)) {
      return ABLATION;
    }
    boolean neutral =
        entries.stream()
            .map(p -> p.getFileName().toString())
            .allMatch(
                n ->
                    NEUTRAL.contains(n)
                        || RunFiles.isTemp(n)
                        || n.equals(RunFiles.CHECKPOINTS)
                        || n.equals(RunFiles.PLOTS) && isEmptyFolder(dir.resolve(n)));
    return neutral ? EMPTY : OTHER;
  }

  private static boolean hasCheckpointFiles(Path checkpoints) {
    return Files.isDirectory(checkpoints)
        && list(checkpoints).stream().anyMatch(p -> !RunFiles.isTemp(p.getFileName().toString()));
  }

  /** A cell folder of an ablation: it holds {@code seed-<s>} folders. */
  private static boolean holdsSeedFolders(Path p) {
    return Files.isDirectory(p)
        && list(p).stream()
            .anyMatch(c -> Files.isDirectory(c) && c.getFileName().toString().matches("seed-\\d+"));
  }

  private static boolean isEmptyFolder(Path p) {
    return Files.isDirectory(p) && list(p).isEmpty();
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
