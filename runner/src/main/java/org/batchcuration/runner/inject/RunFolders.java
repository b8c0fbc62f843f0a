package org.batchcuration.runner.inject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.training.RunFolderException;

/** Checks on run folders made before any work starts. Stateless. */
public final class RunFolders {
  private RunFolders() {}

  /**
   * Creates {@code dir} if needed and checks that files can be written in it.
   *
   * @throws RunFolderException naming the folder and the reason when it cannot be used
   */
  public static void requireWritable(Path dir) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new RunFolderException(
          "Cannot write to the output folder " + dir.toAbsolutePath() + ": " + reason(e), e);
    }
  }

  /** True when {@code dir} holds a run (its resolved config was written). */
  public static boolean holdsRun(Path dir) {
    return Files.isRegularFile(dir.resolve("config.resolved.json"));
  }

  private static String reason(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + " " + e.getMessage();
  }
}
