package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The provenance section of a run report, from the run's {@code provenance.json}: the framework's
 * version and git commit, the engine and device, the JDK, OS and CPU, the plugins with their
 * versions, the dataset and its checksums, the seed and the start time. Absent entries are left
 * out. Stateless.
 */
final class ProvenanceTable {
  private ProvenanceTable() {}

  /** The rows {@code what | value}. */
  static List<List<String>> rows(JsonNode p) {
    List<List<String>> rows = new ArrayList<>();
    add(rows, "framework", join(p.path("framework"), "artifact", "version"));
    add(rows, "git commit", p.path("git_commit").asText(""));
    add(rows, "engine", join(p.path("engine"), "name", "version"));
    add(rows, "device", list(p.path("device")));
    add(rows, "JDK", join(p.path("jdk"), "version", "vendor", "vm"));
    add(rows, "OS", join(p.path("os"), "name", "version", "arch"));
    String cpu = p.path("cpu").asText("");
    if (p.path("available_processors").isNumber()) {
      cpu += (cpu.isEmpty() ? "" : ", ") + p.get("available_processors").asInt() + " processors";
    }
    add(rows, "CPU", cpu);
    for (JsonNode plugin : p.path("plugins")) {
      add(
          rows,
          plugin.path("kind").asText("plugin") + " " + plugin.path("name").asText(""),
          join(plugin, "artifact", "version"));
    }
    add(rows, "dataset", p.path("dataset").path("name").asText(""));
    p.path("dataset_checksums")
        .fields()
        .forEachRemaining(e -> add(rows, "checksum " + e.getKey(), e.getValue().asText("")));
    add(rows, "seed", p.path("seed").isNumber() ? p.get("seed").asText() : "");
    // the start to the second: 2026-12-08T03:40:14Z
    add(rows, "started", p.path("start_time").asText("").replaceFirst("\\.[0-9]+Z$", "Z"));
    return rows;
  }

  private static void add(List<List<String>> rows, String what, String value) {
    if (!value.isBlank()) {
      rows.add(List.of(what, value));
    }
  }

  private static String join(JsonNode node, String... keys) {
    List<String> parts = new ArrayList<>();
    for (String k : keys) {
      String v = node.path(k).asText("");
      if (!v.isBlank()) {
        parts.add(v);
      }
    }
    return String.join(" ", parts);
  }

  private static String list(JsonNode node) {
    List<String> parts = new ArrayList<>();
    node.forEach(n -> parts.add(n.asText()));
    return String.join(", ", parts);
  }
}
