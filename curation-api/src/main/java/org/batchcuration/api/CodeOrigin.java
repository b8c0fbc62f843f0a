package org.batchcuration.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Where a class came from: its jar (or classes folder) and that jar's Maven coordinates. Used for
 * plugin listings, error messages and provenance.
 *
 * @param location the jar or folder path, or {@code unknown}
 * @param artifact {@code groupId:artifactId}, or {@code unknown}
 * @param version the artifact's version, or {@code unknown}
 */
public record CodeOrigin(String location, String artifact, String version) {
  private static final String UNKNOWN = "unknown";

  /** The origin of {@code type}, read from its code source and the jar's {@code pom.properties}. */
  public static CodeOrigin of(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return new CodeOrigin(UNKNOWN, UNKNOWN, implementationVersion(type));
    }
    Path path;
    try {
      path = Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return new CodeOrigin(source.getLocation().toString(), UNKNOWN, implementationVersion(type));
    }
    if (Files.isRegularFile(path)) {
      try (JarFile jar = new JarFile(path.toFile())) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
          JarEntry e = entries.nextElement();
          if (e.getName().startsWith("META-INF/maven/")
              && e.getName().endsWith("/pom.properties")) {
            Properties p = new Properties();
            try (InputStream in = jar.getInputStream(e)) {
              p.load(in);
            }
            return new CodeOrigin(
                path.toString(),
                p.getProperty("groupId", UNKNOWN) + ":" + p.getProperty("artifactId", UNKNOWN),
                p.getProperty("version", UNKNOWN));
          }
        }
      } catch (IOException e) {
        return new CodeOrigin(path.toString(), UNKNOWN, implementationVersion(type));
      }
    }
    return new CodeOrigin(path.toString(), UNKNOWN, implementationVersion(type));
  }

  private static String implementationVersion(Class<?> type) {
    Package p = type.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? UNKNOWN : v;
  }
}
