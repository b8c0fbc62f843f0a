package org.batchcuration.runfolder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A command was pointed at a folder that is another kind of thing than the one it writes ({@link
 * FolderKind}): {@code train} at an ablation folder or at a file, {@code ablate} at a run folder, a
 * fresh {@code train} at the remains of a run. Nothing in the folder was changed; the message names
 * the folder, what it is, and what to do.
 */
public final class WrongFolderKindException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;
  private final FolderKind actual;

  /**
   * @param dir the folder
   * @param actual what it is
   * @param message the whole message (names the folder, what it is and what to do)
   */
  public WrongFolderKindException(Path dir, FolderKind actual, String message) {
    super(message);
    this.dir = Objects.requireNonNull(dir, "dir");
    this.actual = Objects.requireNonNull(actual, "actual");
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** What the folder is. */
  public FolderKind actual() {
    return actual;
  }
}
