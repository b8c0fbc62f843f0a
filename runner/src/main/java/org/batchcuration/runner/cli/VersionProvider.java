package org.batchcuration.runner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * {@code --version}: the project version and the git commit the runner was built from (the
 * build-time {@code version.properties}; {@code commit unknown} for a build outside a checkout),
 * and the JDK.
 */
final class VersionProvider implements CommandLine.IVersionProvider {
  /** The resource the build fills in. */
  static final String RESOURCE = "version.properties";

  @Override
  public String[] getVersion() {
    Properties p = properties();
    String commit = value(p, "commit");
    String shown =
        commit.equals("unknown")
            ? "commit unknown"
            : "commit " + commit + ("true".equals(value(p, "dirty")) ? ", with local changes" : "");
    return new String[] {
      "batch-curation " + value(p, "version") + " (" + shown + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  private static Properties properties() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the runner's classes: rebuild the project");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** A property, or {@code unknown} when it is missing or the build left it unfilled. */
  private static String value(Properties p, String key) {
    String v = p.getProperty(key, "").trim();
    return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
  }
}
