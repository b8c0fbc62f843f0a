package org.batchcuration.runfolder;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the files in a run folder and an ablation folder, and the few rules every reader and
 * writer shares: what "holds a run" and "a completed result" mean, and which names are temp files
 * of {@link AtomicWrite} (the counterpart of Lucene's {@code IndexFileNames}). Everything that
 * reads or writes these folders takes the names from here; docs/internal-contracts.md describes the
 * files. Stateless.
 */
public final class RunFiles {
  /** The resolved config; a folder "holds a run" once it exists. */
  public static final String CONFIG = "config.resolved.json";

  public static final String PROVENANCE = "provenance.json";

  /** One JSON object per line: steps, epochs, histograms. */
  public static final String METRICS = "metrics.jsonl";

  public static final String METRICS_CSV = "metrics.csv";
  public static final String CHECKPOINTS = "checkpoints";

  /** Written last, with {@code status} {@value MetricKeys#COMPLETED} when the run completed. */
  public static final String RESULT = "result.json";

  public static final String PROJECTION = "projection2d.json";

  /** The saved encoder (a folder), and the model name inside it. */
  public static final String MODEL = "model";

  public static final String MODEL_NAME = "encoder";
  public static final String REPORT = "report.html";
  public static final String PLOTS = "plots";
  public static final String ENGINE_LOG = "engine.log";
  public static final String TENSORBOARD = "tb";

  /** An ablation folder's summary table, as CSV and Markdown. */
  public static final String SUMMARY_CSV = "summary.csv";

  public static final String SUMMARY_MD = "summary.md";

  /** Every file or folder a run writes in its folder: what {@code --overwrite} deletes. */
  public static final List<String> RUN_FILES =
      List.of(
          CONFIG,
          PROVENANCE,
          METRICS,
          METRICS_CSV,
          CHECKPOINTS,
          RESULT,
          PROJECTION,
          MODEL,
          REPORT,
          PLOTS,
          ENGINE_LOG,
          TENSORBOARD);

  /** The temp names of {@link AtomicWrite}: {@code .<name>.<digits>.tmp}. */
  private static final Pattern TEMP = Pattern.compile("\\..+\\.\\d+\\.tmp");

  /** How deep {@link #removeTempFiles} looks: a run folder's files and its sub-folders' files. */
  private static final int TEMP_DEPTH = 4;

  private RunFiles() {}

  /** Whether {@code dir} holds a run: its resolved config was written. */
  public static boolean holdsRun(Path dir) {
    return Files.isRegularFile(dir.resolve(CONFIG));
  }

  /**
   * The one comparison of a run folder's saved config with the config it is used with now (a
   * resume, an ablation cell found finished or interrupted): the first difference, {@code <path>:
   * <saved> vs <now>}, or empty when they are equal. Reads only.
   *
   * @throws RunFolderException when the saved config cannot be read
   */
  public static Optional<String> configDifference(Path dir, String resolvedConfigJson) {
    JsonNode saved = RunJson.read(dir.resolve(CONFIG));
    JsonNode now = RunJson.parse(resolvedConfigJson, "the resolved config");
    return RunJson.firstDifference(saved, now, "$");
  }

  /** Whether {@code fileName} is the name of a temp file or folder of {@link AtomicWrite}. */
  public static boolean isTemp(String fileName) {
    return TEMP.matcher(fileName).matches();
  }

  /**
   * {@code dir}'s {@code result.json} if it records a completed run; a missing, unreadable,
   * half-written or not-completed result is empty.
   */
  public static Optional<JsonNode> completedResult(Path dir) {
    return completedResultText(dir).map(RunFiles::parseOrNull);
  }

  /** The text of {@code dir}'s {@code result.json}, if it records a completed run. */
  public static Optional<String> completedResultText(Path dir) {
    Path f = dir.resolve(RESULT);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      return isCompleted(text) ? Optional.of(text) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code resultText} is a {@code result.json} that records a completed run. */
  public static boolean isCompleted(String resultText) {
    JsonNode n = parseOrNull(resultText);
    return n != null
        && n.isObject()
        && MetricKeys.COMPLETED.equals(n.path(MetricKeys.STATUS).asText());
  }

  private static JsonNode parseOrNull(String text) {
    try {
      return RunJson.mapper().readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Deletes the temp files and folders that a killed writer left under {@code folder} (its own
   * entries and those of its sub-folders, a few levels deep); they never hold anything a reader
   * needs. Nothing happens when the folder does not exist.
   *
   * @return what was deleted
   * @throws UncheckedIOException naming the folder when it cannot be listed or cleaned
   */
  public static List<Path> removeTempFiles(Path folder) {
    return removeTempFiles(folder, TEMP_DEPTH);
  }

  /**
   * {@link #removeTempFiles(Path)} down to {@code depth} levels (1: the folder's own entries); an
   * ablation folder cleans its own files and {@code plots/}, not its run folders.
   */
  public static List<Path> removeTempFiles(Path folder, int depth) {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return removed;
    }
    try (Stream<Path> s = Files.walk(folder, depth)) {
      for (Path p : s.filter(p -> !p.equals(folder)).toList()) {
        if (isTemp(p.getFileName().toString()) && Files.exists(p)) {
          AtomicWrite.deleteRecursively(p);
          removed.add(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + folder + ": " + e.getMessage(), e);
    }
    return removed;
  }

  /**
   * Creates {@code dir} if needed and checks that files can be written in it. A folder that exists
   * already is not written to (another process may hold it: its writers take the folder's {@link
   * FolderLock} before they write); a new one is probed with a temp file.
   *
   * @throws RunFolderException naming the folder and the reason when it cannot be used
   */
  public static void requireWritable(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        if (!Files.isWritable(dir)) {
          throw new AccessDeniedException(dir.toString(), null, "not writable");
        }
        return;
      }
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check.", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new RunFolderException(
          "Cannot write to the output folder " + dir.toAbsolutePath() + ": " + reason(e), e);
    }
  }

  private static String reason(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
