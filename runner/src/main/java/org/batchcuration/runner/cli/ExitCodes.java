package org.batchcuration.runner.cli;

import java.util.List;
import org.batchcuration.api.DataException;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginException;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runfolder.RunFolderException;
import picocli.CommandLine;

/** Maps exceptions to exit codes: bad input is 2, anything else 1. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int BAD_INPUT = 2;

  private static final List<Class<? extends Throwable>> BAD_INPUT_TYPES =
      List.of(
          ConfigException.class,
          InvalidConfigException.class,
          DataException.class,
          PluginException.class,
          RunFolderException.class,
          CommandLine.ParameterException.class);

  private ExitCodes() {}

  /** The exit code of a failure: 2 when it or a cause is bad input, else 1. */
  static int of(Throwable e) {
    return badInput(e) != null ? BAD_INPUT : INTERNAL;
  }

  /**
   * The message to show: the bad-input cause's message; for a full disk the message that names the
   * file, with "No space left on device" on the first line; else the exception's class and message.
   */
  static String message(Throwable e) {
    Throwable bad = badInput(e);
    Throwable shown = bad != null ? bad : e;
    String m = shown.getMessage();
    if (bad == null && diskFull(e)) {
      String first = m == null ? "" : m;
      return first.contains(AtomicWrite.NO_SPACE)
          ? first
          : AtomicWrite.NO_SPACE + (first.isEmpty() ? "" : ": " + first);
    }
    return bad != null && m != null ? m : shown.getClass().getName() + ": " + m;
  }

  /**
   * Whether the failure is a full disk (ENOSPC anywhere in its causes): not a bug of the program,
   * so it is shown in one line without a stack trace (unless {@code --verbose}), exit code 1.
   */
  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.io.IOException
          && t.getMessage() != null
          && t.getMessage().contains(AtomicWrite.NO_SPACE)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static Throwable badInput(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : BAD_INPUT_TYPES) {
        if (type.isInstance(t)) {
          return t;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
