package org.batchcuration.runner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.batchcuration.api.PluginException;

/**
 * The launcher's {@code plugins/} folder, whose jars {@code ./curation} puts on the class path:
 * every file in it must be a jar (a zip archive named {@code *.jar}). The JVM silently skips a
 * class path entry that is not a jar, so a damaged, empty or misnamed plugin would otherwise go
 * unnoticed; a file that is not one fails naming it (a {@link PluginException}, exit 2). Hidden
 * files (names starting with a dot) and folders are left alone. Stateless.
 */
public final class PluginFolder {
  /** The system property the launcher sets to the {@code plugins/} folder it loads jars from. */
  public static final String PROPERTY = "batchcuration.plugins.dir";

  private PluginFolder() {}

  /** The folder the launcher named, if any. */
  public static Optional<Path> fromSystemProperty() {
    String dir = System.getProperty(PROPERTY);
    return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
  }

  /**
   * Checks every file in {@code dir} (nothing happens when it does not exist).
   *
   * @throws PluginException naming the first file that is not a jar and saying what to do
   */
  public static void check(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (!name.endsWith(".jar")) {
        throw new PluginException(
            f
                + " is not a jar (only *.jar files in plugins/ are loaded); remove it from plugins/,"
                + " or rename it to end in .jar if it is a plugin jar");
      }
      try (JarFile jar = new JarFile(f.toFile())) {
        jar.size();
      } catch (IOException e) {
        long size = size(f);
        throw new PluginException(
            f
                + " is not a jar ("
                + (size == 0 ? "the file is empty" : "not a zip archive: " + e.getMessage())
                + "); the plugin would not be loaded: replace it with the plugin's jar, or remove"
                + " it from plugins/");
      }
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return -1;
    }
  }
}
