package org.batchcuration.runfolder;

/**
 * Another writer holds the folder's {@link FolderLock}. Nothing was changed; the message names the
 * folder and the holder (pid, host, start time, command) and says to wait for it or stop it.
 */
public final class FolderInUseException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  /** With the whole message. */
  public FolderInUseException(String message) {
    super(message);
  }
}
