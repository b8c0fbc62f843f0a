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

  /**
   * A jar that holds only a Guice module, {@code pkg.SinkModule}, listed in {@code
   * META-INF/services/com.google.inject.Module}, that adds {@code pkg.CountingSink} to the set of
   * metrics sinks. The sink writes {@code sink-calls.txt} in the run folder when closed: one line
   * {@code start=<n> steps=<n> epochs=<n> result=<status> close=1}.
   */
  public static Path sinkModuleJar(Path dir, String pkg) throws IOException {
    Path src = dir.resolve(pkg + "-src");
    Path classes = dir.resolve(pkg + "-classes");
    Files.createDirectories(src.resolve(pkg));
    Files.createDirectories(classes);
    Path sink = src.resolve(pkg).resolve("CountingSink.java");
    Files.writeString(
        sink,
        "package "
            + pkg
            + ";\n"
            + "import java.nio.file.*;\n"
            + "import java.util.Map;\n"
            + "import org.batchcuration.api.MetricsSink;\n"
            + "public final class CountingSink implements MetricsSink {\n"
            + "  private Path dir; private int starts, steps, epochs; private Object result;\n"
            + "  public void onStart(Path runDir, boolean resumed) { dir = runDir; starts++; }\n"
            + "  public void onStep(int e, long s, Map<String, Double> v) {\n"
            + "    if (!v.containsKey(\"loss\")) throw new IllegalStateException(\"no loss\");\n"
            + "    steps++;\n"
            + "  }\n"
            + "  public void onEpoch(int e, long s, Map<String, Double> v) { epochs++; }\n"
            + "  public void onResult(Map<String, Object> r) { result = r.get(\"status\"); }\n"
            + "  public void close() {\n"
            + "    if (dir == null) return;\n"
            + "    try {\n"
            + "      Files.writeString(dir.resolve(\"sink-calls.txt\"), \"start=\" + starts\n"
            + "          + \" steps=\" + steps + \" epochs=\" + epochs + \" result=\" + result\n"
            + "          + \" close=1\");\n"
            + "    } catch (java.io.IOException e) { throw new java.io.UncheckedIOException(e); }\n"
            + "  }\n"
            + "}\n");
    Path module = src.resolve(pkg).resolve("SinkModule.java");
    Files.writeString(
        module,
        "package "
            + pkg
            + ";\n"
            + "import com.google.inject.AbstractModule;\n"
            + "import com.google.inject.multibindings.Multibinder;\n"
            + "import org.batchcuration.api.MetricsSink;\n"
            + "public final class SinkModule extends AbstractModule {\n"
            + "  @Override protected void configure() {\n"
            + "    Multibinder.newSetBinder(binder(), MetricsSink.class).addBinding()\n"
            + "        .toProvider(CountingSink::new);\n"
            + "  }\n"
            + "}\n");
    compile(
        classes,
        String.join(
            java.io.File.pathSeparator,
            apiLocation(),
            location(com.google.inject.Module.class),
            location(jakarta.inject.Provider.class)),
        sink,
        module);
    Path jar = dir.resolve(pkg + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path f : listFiles(classes)) {
        put(out, classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
      put(
          out,
          "META-INF/services/com.google.inject.Module",
          (pkg + ".SinkModule\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static void compile(Path classes, String classPath, Path... sources) {
    String[] args = new String[4 + sources.length];
    args[0] = "-d";
    args[1] = classes.toString();
    args[2] = "-classpath";
    args[3] = classPath;
    for (int i = 0; i < sources.length; i++) {
      args[4 + i] = sources[i].toString();
    }
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, args);
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + rc);
    }
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
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
