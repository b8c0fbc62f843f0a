package org.batchcuration.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README as a new user reads it: every {@code java} block compiles as it stands against the
 * runner's class path and runs on a tiny config (printing only what the snippet prints), a second
 * run into the same folder is refused as the snippet says, and the Maven coordinates name the
 * project's version.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public (?:final )?class (\\w+)");

  @TempDir Path dir;

  private static Path root() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("README.md"))) {
      p = p.getParent();
    }
    assertThat(p)
        .as("a folder above %s holding README.md", Path.of("").toAbsolutePath())
        .isNotNull();
    return p;
  }

  private static List<String> blocks(String language) throws Exception {
    String readme = Files.readString(root().resolve("README.md"));
    List<String> out = new ArrayList<>();
    Matcher m = BLOCK.matcher(readme);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        out.add(m.group(2));
      }
    }
    return out;
  }

  /** Compiles {@code source} into {@code classes}; the class's name. */
  private static String compile(String source, Path classes) throws Exception {
    Matcher name = CLASS.matcher(source);
    assertThat(name.find()).as("a public class in the snippet:%n%s", source).isTrue();
    Path src = classes.resolveSibling("src").resolve(name.group(1) + ".java");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      List<String> options =
          List.of("--release", "17", "-classpath", classPath, "-d", classes.toString());
      boolean ok =
          javac
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjects(src))
              .call();
      String messages =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(d -> "line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
              .collect(Collectors.joining("\n"));
      assertThat(ok).as("the README snippet compiles:%n%s%n%s", messages, source).isTrue();
    }
    return name.group(1);
  }

  /** Runs {@code main(args)} of the compiled class; what it printed on stdout and stderr. */
  private static String[] runMain(Path classes, String className, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader())) {
      Method main = loader.loadClass(className).getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw new AssertionError("the README snippet threw", e.getCause());
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }
    return new String[] {
      out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
    };
  }

  /** One epoch on 64 synthetic images, into {@code dir/runs/snippet}. */
  private Path tinyConfig() throws Exception {
    String json =
        """
        {"seed": 3, "device": "cpu",
         "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4,
                  "trainCount": 64, "testCount": 32},
         "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                     "grayscaleProbability": 0.0},
         "encoder": {"type": "small-cnn", "widths": [4, 8]},
         "head": {"hiddenDim": 16, "outputDim": 8},
         "train": {"epochs": 1, "batchSize": 32, "logEvery": 1},
         "schedule": {"warmupEpochs": 0},
         "eval": {"knnK": 3, "monitorEvery": 0, "randomInitBaseline": false},
         "output": {"dir": "%s", "name": "snippet"}}
        """
            .formatted(dir.resolve("runs"));
    Path file = dir.resolve("tiny.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void everyJavaSnippetCompilesAndRunsAsDocumented() throws Exception {
    List<String> snippets = blocks("java");
    assertThat(snippets).as("java blocks in README.md").isNotEmpty();
    Path config = tinyConfig();
    Path runDir = dir.resolve("runs").resolve("snippet");
    for (int i = 0; i < snippets.size(); i++) {
      Path classes = dir.resolve("snippet-" + i).resolve("classes");
      String className = compile(snippets.get(i), classes);
      String[] first = runMain(classes, className, config.toString());
      assertThat(first[1]).as("stderr of an embedded run").isEmpty();
      assertThat(first[0]).matches("\\Q" + runDir + "\\E: linear top-1 [01]\\.\\d+\\R");
      assertThat(runDir.resolve("result.json")).exists();
      // the README's first journey again: the folder holds a run, so the second is refused
      String[] second = runMain(classes, className, config.toString());
      assertThat(second[1]).as("stderr").isEmpty();
      assertThat(second[0]).startsWith("not run: ").contains(runDir + " already holds a run");
      deleteTree(runDir);
    }
  }

  @Test
  void theMavenCoordinatesNameTheBomTheRunnerAndTheProjectsVersion() throws Exception {
    String pom = Files.readString(root().resolve("pom.xml"));
    Matcher v =
        Pattern.compile(
                "<artifactId>batch-curation-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(v.find()).isTrue();
    String xml = String.join("\n", blocks("xml"));
    assertThat(xml)
        .contains(
            "<artifactId>batch-curation-bom</artifactId>\n      <version>"
                + v.group(1)
                + "</version>")
        .contains("<groupId>org.batchcuration</groupId>\n    <artifactId>runner</artifactId>");
  }

  private static void deleteTree(Path p) throws Exception {
    try (var walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
