package org.batchcuration.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the {@code META-INF/services} files of one plugin kind before {@link
 * java.util.ServiceLoader} reads them, so that a broken or doubled plugin jar is named: a provider
 * class that a jar lists but no jar holds, and a provider class held by two jars (two versions of a
 * plugin, of which the class path's first would silently win). Stateless.
 */
final class ServiceFiles {
  private ServiceFiles() {}

  /**
   * @throws PluginException naming the jar(s) and what to do
   */
  static void check(ClassLoader loader, PluginKind kind) {
    String services = "META-INF/services/" + kind.providerType().getName();
    Map<String, Set<String>> listedBy = new LinkedHashMap<>();
    for (URL file : resources(loader, services)) {
      for (String className : classNames(file)) {
        listedBy.computeIfAbsent(className, k -> new LinkedHashSet<>()).add(origin(file));
      }
    }
    for (Map.Entry<String, Set<String>> e : listedBy.entrySet()) {
      String className = e.getKey();
      Set<String> holders = new LinkedHashSet<>();
      for (URL u : resources(loader, className.replace('.', '/') + ".class")) {
        holders.add(origin(u));
      }
      if (holders.isEmpty()) {
        throw new PluginException(
            String.join(" and ", e.getValue())
                + " lists the "
                + kind.id()
                + " plugin class "
                + className
                + " in "
                + services
                + ", but no jar on the class path holds that class; rebuild the jar with the"
                + " class, or remove it from plugins/ (or the class path)");
      }
      if (holders.size() > 1) {
        throw new PluginException(
            "The "
                + kind.id()
                + " plugin class "
                + className
                + " is in "
                + holders.size()
                + " jars: "
                + String.join(" and ", holders)
                + " (the first on the class path would be used, the others ignored); keep one"
                + " version: remove the others from plugins/ (or the class path)");
      }
    }
  }

  private static List<URL> resources(ClassLoader loader, String name) {
    try {
      // a class path that names one jar twice lists it twice: one entry per location
      Map<String, URL> unique = new LinkedHashMap<>();
      for (URL u : Collections.list(loader.getResources(name))) {
        unique.putIfAbsent(u.toString(), u);
      }
      return new ArrayList<>(unique.values());
    } catch (IOException e) {
      throw new PluginException("Cannot list " + name + " on the class path: " + e.getMessage(), e);
    }
  }

  /** The provider class names in a services file (comments and blank lines skipped). */
  private static List<String> classNames(URL file) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    } catch (IOException e) {
      throw new PluginException("Cannot read " + origin(file) + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** The jar (or classes folder) a resource comes from, as a path. */
  static String origin(URL resource) {
    try {
      if ("jar".equals(resource.getProtocol())) {
        URL jar = ((JarURLConnection) resource.openConnection()).getJarFileURL();
        return Path.of(jar.toURI()).toString();
      }
      if ("file".equals(resource.getProtocol())) {
        return Path.of(resource.toURI()).toString();
      }
    } catch (IOException | URISyntaxException | IllegalArgumentException e) {
      // fall through to the URL itself
    }
    return resource.toString();
  }
}
