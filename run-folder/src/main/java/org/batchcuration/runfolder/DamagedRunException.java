package org.batchcuration.runfolder;

/**
 * A run folder's files contradict each other or cannot be read back: no intact checkpoint, a
 * checkpoint pointer that names no checkpoint, {@value RunFiles#METRICS} shorter than the
 * checkpoint records. A resume is refused before anything is written; the message names the file
 * and says what to do.
 */
public final class DamagedRunException extends RunFolderException {
  private static final long serialVersionUID = 1L;

  /** With the whole message. */
  public DamagedRunException(String message) {
    super(message);
  }

  /** With the whole message and the failure that showed the damage. */
  public DamagedRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
