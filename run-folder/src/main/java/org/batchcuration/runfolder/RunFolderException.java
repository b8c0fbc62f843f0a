package org.batchcuration.runfolder;

/**
 * A run folder that cannot be used as asked: a run already there for a fresh start, no run or a run
 * with another config for a resume, a missing or damaged checkpoint. Bad input: the CLI exits with
 * code 2. The message names the folder and says what to do.
 */
public class RunFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunFolderException(String message) {
    super(message);
  }

  public RunFolderException(String message, Throwable cause) {
    super(message, cause);
  }
}
