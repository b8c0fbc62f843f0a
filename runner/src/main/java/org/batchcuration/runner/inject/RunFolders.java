package org.batchcuration.runner.inject;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.training.FolderLock;
import org.batchcuration.training.RunFolderException;

/** Checks on run folders made before any work starts. Stateless. */
public final class RunFolders {
  private RunFolders() {}

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
