package org.batchcuration.training;

/**
 * A plugin threw during training or evaluation. The message names the plugin's class and the jar it
 * was loaded from (see {@link org.batchcuration.api.CodeOrigin}) and where training was; the
 * plugin's exception is the cause. An internal failure: the CLI exits with code 1.
 */
public class PluginFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PluginFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
