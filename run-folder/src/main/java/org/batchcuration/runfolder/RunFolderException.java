package org.batchcuration.runfolder;

/**
 * A run folder that cannot be used as asked: a run already there for a fresh start, no run or a run
 * with another config for a resume, a missing or damaged checkpoint. Bad input: the CLI exits with
 * code 2. The message names the folder and says what to do.
 *
 * <p>The cases an embedding caller may want to tell apart have their own subclasses: {@link
 * RunExistsException} (a fresh run in a folder holding one), {@link WrongFolderKindException} (an
 * ablation folder for a run, a run folder for an ablation, a file, the remains of a run), {@link
 * NoRunException} (nothing to resume, evaluate or embed), {@link ConfigMismatchException} (a run
 * trained with another config), {@link FolderInUseException} (another writer holds the folder) and
 * {@link DamagedRunException} (no intact checkpoint, metrics shorter than a checkpoint). Each is
 * thrown before anything in the folder is written.
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
