package org.batchcuration.runfolder;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A run folder's {@value RunFiles#CONFIG} differs from the config it is used with: a resume with
 * another config, or an ablation whose finished (or interrupted) cell was trained with another
 * config than the one planned now. Nothing was changed; the message names the folder, the first
 * difference ({@code $.optimizer.lr: 0.1 vs 0.05 (saved vs now)}) and what to do.
 */
public final class ConfigMismatchException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  private final transient Path dir;
  private final String difference;

  /**
   * @param dir the run folder
   * @param difference the first difference, {@code <path>: <saved> vs <now>}
   * @param message the whole message
   */
  public ConfigMismatchException(Path dir, String difference, String message) {
    super(message);
    this.dir = Objects.requireNonNull(dir, "dir");
    this.difference = Objects.requireNonNull(difference, "difference");
  }

  /** The run folder. */
  public Path dir() {
    return dir;
  }

  /** The first difference, {@code <path>: <saved> vs <now>}. */
  public String difference() {
    return difference;
  }
}
