package org.batchcuration.runner.cli;

import org.batchcuration.api.CodeOrigin;
import picocli.CommandLine;

/** {@code --version}: the runner's artifact version and the JDK. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    CodeOrigin o = CodeOrigin.of(Main.class);
    return new String[] {
      "batch-curation runner " + o.version(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
