package org.batchcuration.runfolder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A fresh run was asked for in a folder that already holds one (its {@value RunFiles#CONFIG}
 * exists). Nothing in the folder was changed. The message names the folder and the next steps:
 * {@code --resume DIR}, {@code --out DIR} with another folder, or {@code --overwrite}; the
 * embedding API's equivalents are {@code RunMode.RESUME}, another folder and {@code
 * RunMode.OVERWRITE}.
 */
public final class RunExistsException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;

  /** For the run folder {@code dir}. */
  public RunExistsException(Path dir) {
    super(
        Objects.requireNonNull(dir, "dir")
            + " already holds a run ("
            + RunFiles.CONFIG
            + " exists); nothing was changed: continue it with --resume "
            + dir
            + ", choose another folder with --out DIR, or replace it with --overwrite");
    this.dir = dir;
  }

  /** The folder that holds the run. */
  public Path dir() {
    return dir;
  }
}
