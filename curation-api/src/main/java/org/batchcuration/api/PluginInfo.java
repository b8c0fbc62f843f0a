package org.batchcuration.api;

import java.util.Objects;

/**
 * What the registry knows about one discovered provider, as listed by {@code ./curation plugins}.
 *
 * @param kind the extension point
 * @param name the logical name used in configs
 * @param className the provider's class
 * @param artifact Maven {@code groupId:artifactId} of the jar, or {@code unknown}
 * @param version the jar's version, or {@code unknown}
 * @param location where the class was loaded from (a jar or a classes folder)
 * @param description one line about the plugin
 */
public record PluginInfo(
    PluginKind kind,
    String name,
    String className,
    String artifact,
    String version,
    String location,
    String description) {
  public PluginInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(description, "description");
  }
}
