package org.batchcuration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the SPI states its contract in javadoc, as DJL's {@code api} does: a {@code
 * /** ... *}{@code /} comment right before each public class, interface, enum, record or annotation
 * (annotations between the two allowed), nested ones included, and a {@code package-info.java} with
 * javadoc in every package.
 */
class PublicJavadocTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "^\\s*public\\s+(?:(?:static|final|abstract|sealed|non-sealed)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");

  @Test
  void everyPublicTypeHasJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    int seen = 0;
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = PUBLIC_TYPE.matcher(lines.get(i));
          if (!m.find()) {
            continue;
          }
          seen++;
          int j = i - 1;
          while (j >= 0 && lines.get(j).strip().startsWith("@")) {
            j--;
          }
          if (j < 0 || !lines.get(j).strip().endsWith("*/")) {
            missing.add(SOURCES.relativize(f) + ":" + (i + 1) + " " + m.group(1));
          }
        }
      }
    }
    assertThat(seen).as("public types found").isGreaterThanOrEqualTo(40);
    assertThat(missing).as("public types without javadoc").isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfoWithJavadoc() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> dirs = Files.walk(SOURCES)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        boolean hasSources;
        try (Stream<Path> s = Files.list(d)) {
          hasSources = s.anyMatch(p -> p.toString().endsWith(".java"));
        }
        Path info = d.resolve("package-info.java");
        if (hasSources && (!Files.exists(info) || !Files.readString(info).contains("/**"))) {
          missing.add(SOURCES.relativize(d).toString());
        }
      }
    }
    assertThat(missing).as("packages without package-info javadoc").isEmpty();
  }
}
