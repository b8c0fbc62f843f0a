package org.batchcuration.api;

/**
 * A data file that cannot be used: missing, unreadable, truncated, a bad magic number, a wrong
 * record size, absurd dimensions, a label out of range. The message names the file and the record
 * or byte offset. Bad input: the CLI exits with code 2.
 */
public class DataException extends RuntimeException {
  public DataException(String message) {
    super(message);
  }

  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
