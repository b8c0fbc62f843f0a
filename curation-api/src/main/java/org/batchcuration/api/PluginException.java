package org.batchcuration.api;

/**
 * A plugin could not be found, loaded or used: an unknown name, a duplicate name, a bad name, or a
 * provider that failed while being created. The message names the plugin and, where known, its jar.
 */
public class PluginException extends RuntimeException {
  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
