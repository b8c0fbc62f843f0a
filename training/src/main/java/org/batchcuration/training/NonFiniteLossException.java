package org.batchcuration.training;

/**
 * Training produced a non-finite loss and the policy ({@code train.nonFinite}) says to stop. The
 * message names the epoch and step; the last checkpoint written before it stays intact. An internal
 * failure of the run: the CLI exits with code 1.
 */
public class NonFiniteLossException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long step;

  public NonFiniteLossException(String message, long step) {
    super(message);
    this.step = step;
  }

  /** The zero-based global step whose loss was not finite. */
  public long step() {
    return step;
  }
}
