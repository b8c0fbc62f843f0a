package org.batchcuration.runfolder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A command that needs a run ({@code train --resume}, {@code eval --run}, {@code embed --run}) was
 * pointed at a folder that holds none: its {@value RunFiles#CONFIG} is missing, or it has no
 * checkpoint. Nothing was changed; the message names the folder and says what to do.
 */
public final class NoRunException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;

  /**
   * @param dir the folder
   * @param message the whole message
   */
  public NoRunException(Path dir, String message) {
    super(message);
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }
}
