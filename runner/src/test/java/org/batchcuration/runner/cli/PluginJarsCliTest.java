package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.testplugins.PluginJars;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugin jars are named, through {@code ./curation plugins}: a file in {@code plugins/} that
 * is not a jar (random bytes, zero bytes, another kind of file), a services file naming a class no
 * jar holds, and two versions of one provider class in two jars. Each exits 2 with one line.
 */
class PluginJarsCliTest {
  private static final String VERBOSE = "(run with --verbose for details)\n";

  @TempDir Path dir;

  private CliHarness pluginsWithFolder(Path plugins) {
    return CliHarness.run(
        new RunnerSetup(
            PluginJarsCliTest.class.getClassLoader(), TestSchemas.schema(), Optional.of(plugins)),
        "plugins");
  }

  @Test
  void aJarOfRandomBytesIsNamed() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    byte[] noise = new byte[300];
    new Random(7).nextBytes(noise);
    Path jar = Files.write(plugins.resolve("noise.jar"), noise);
    CliHarness r = pluginsWithFolder(plugins);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: " + jar + " is not a jar (not a zip archive: ")
        .endsWith(
            "); the plugin would not be loaded: replace it with the plugin's jar, or remove it"
                + " from plugins/\n"
                + VERBOSE);
  }

  @Test
  void anEmptyJarIsNamed() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = Files.write(plugins.resolve("empty.jar"), new byte[0]);
    CliHarness r = pluginsWithFolder(plugins);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + jar
                + " is not a jar (the file is empty); the plugin would not be loaded: replace it"
                + " with the plugin's jar, or remove it from plugins/\n"
                + VERBOSE);
  }

  @Test
  void aFileThatIsNotNamedAsAJarIsNamed() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path zip = Files.write(plugins.resolve("my-curator.zip"), new byte[] {1, 2, 3});
    Files.writeString(plugins.resolve(".hidden"), "left alone");
    CliHarness r = pluginsWithFolder(plugins);
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "error: "
                + zip
                + " is not a jar (only *.jar files in plugins/ are loaded); remove it from"
                + " plugins/, or rename it to end in .jar if it is a plugin jar\n"
                + VERBOSE);
  }

  @Test
  void aFolderOfGoodJarsPasses() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    PluginJars.curatorJar(plugins, "good", "good-curator");
    CliHarness r = pluginsWithFolder(plugins.resolve("none-here"));
    assertThat(r.code).as(r.err()).isZero();
    assertThat(pluginsWithFolder(plugins).err()).doesNotContain("not a jar");
  }

  @Test
  void aServicesFileNamingAMissingClassNamesTheJar() throws Exception {
    Path jar = dir.resolve("ghost.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry("META-INF/services/org.batchcuration.api.CuratorProvider"));
      out.write("ghost.GhostCurator\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    try (URLClassLoader cl =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      CliHarness r = CliHarness.run(new RunnerSetup(cl, TestSchemas.schema()), "plugins");
      assertThat(r.code).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "error: "
                  + jar
                  + " lists the curator plugin class ghost.GhostCurator in"
                  + " META-INF/services/org.batchcuration.api.CuratorProvider, but no jar on the"
                  + " class path holds that class; rebuild the jar with the class, or remove it"
                  + " from plugins/ (or the class path)\n"
                  + VERBOSE);
    }
  }

  @Test
  void twoVersionsOfOneProviderClassInTwoJarsNameBothJars() throws Exception {
    Path a = PluginJars.curatorJar(Files.createDirectories(dir.resolve("v1")), "same", "same");
    Path b = PluginJars.curatorJar(Files.createDirectories(dir.resolve("v2")), "same", "same");
    try (URLClassLoader cl =
        new URLClassLoader(
            new URL[] {a.toUri().toURL(), b.toUri().toURL()}, getClass().getClassLoader())) {
      CliHarness r = CliHarness.run(new RunnerSetup(cl, TestSchemas.schema()), "plugins");
      assertThat(r.code).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "error: The curator plugin class same.DupCurator is in 2 jars: "
                  + a
                  + " and "
                  + b
                  + " (the first on the class path would be used, the others ignored); keep one"
                  + " version: remove the others from plugins/ (or the class path)\n"
                  + VERBOSE);
    }
  }
}
