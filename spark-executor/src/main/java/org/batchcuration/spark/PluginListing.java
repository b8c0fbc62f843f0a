package org.batchcuration.spark;

import java.util.List;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.api.PluginRegistry;

/**
 * The plugins a JVM sees, one line each: {@code kind name class artifact version}, sorted. Jar
 * locations are left out on purpose: the same jar lies at different paths on the driver and on an
 * executor. Stateless.
 */
public final class PluginListing {
  private PluginListing() {}

  /** The listing of {@code registry}. */
  public static List<String> of(PluginRegistry registry) {
    return registry.plugins().stream().map(PluginListing::line).sorted().toList();
  }

  static String line(PluginInfo p) {
    return p.kind().id()
        + " "
        + p.name()
        + " "
        + p.className()
        + " "
        + p.artifact()
        + " "
        + p.version();
  }
}
