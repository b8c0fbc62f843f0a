package org.batchcuration.runner.testplugins;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.batchcuration.api.PluginProvider;

/** Builds tiny plugin jars at test time with the JDK's compiler. */
public final class PluginJars {
  private PluginJars() {}

  /**
   * A jar holding curator provider {@code pkg.DupCurator} named {@code name} and its service file.
   */
  public static Path curatorJar(Path dir, String pkg, String name) throws IOException {
    Path src = dir.resolve(pkg + "-src");
    Path classes = dir.resolve(pkg + "-classes");
    Files.createDirectories(src.resolve(pkg));
    Files.createDirectories(classes);
    Path java = src.resolve(pkg).resolve("DupCurator.java");
    Files.writeString(
        java,
        "package "
            + pkg
            + ";\n"
            + "import org.batchcuration.api.*;\n"
            + "public final class DupCurator implements CuratorProvider<DupCurator.Config> {\n"
            + "  public record Config() {}\n"
            + "  public String name() { return \""
            + name
            + "\"; }\n"
            + "  public Class<Config> configType() { return Config.class; }\n"
            + "  public Config defaultConfig() { return new Config(); }\n"
            + "  public BatchCurator create(Config c, PluginContext ctx) {\n"
            + "    return b -> CurationDecision.keepAll(b.size());\n"
            + "  }\n"
            + "}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-classpath",
            apiLocation(),
            java.toString());
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + rc);
    }
    Path jar = dir.resolve(pkg + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path f : listFiles(classes)) {
        put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
      put(
          out,
          "META-INF/services/org.batchcuration.api.CuratorProvider",
          (pkg + ".DupCurator\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static List<Path> listFiles(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream o = out;
    o.write(bytes);
    out.closeEntry();
  }

  private static String apiLocation() {
    try {
      return Path.of(
              PluginProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
