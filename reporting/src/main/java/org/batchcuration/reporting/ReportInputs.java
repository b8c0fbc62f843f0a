package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleFunction;
import org.batchcuration.api.DataException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunJson;

/**
 * The inputs of a run report, read from a run folder: metrics, result, resolved config, provenance
 * and the optional 2-D projection. Absent files are empty optionals; malformed ones raise {@link
 * DataException} naming the file.
 */
record ReportInputs(
    Path dir,
    MetricsLog metrics,
    Optional<JsonNode> result,
    Optional<JsonNode> config,
    Optional<JsonNode> provenance,
    Optional<JsonNode> projection) {
  static ReportInputs read(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir + ": not a run folder (no such directory)");
    }
    return new ReportInputs(
        dir,
        MetricsLog.read(dir.resolve(RunFiles.METRICS)),
        RunJson.readObjectIfExists(dir.resolve(RunFiles.RESULT)),
        RunJson.readObjectIfExists(dir.resolve(RunFiles.CONFIG)),
        RunJson.readObjectIfExists(dir.resolve(RunFiles.PROVENANCE)),
        RunJson.readObjectIfExists(dir.resolve(RunFiles.PROJECTION)));
  }

  /** The {@code type} of the first object named {@code curator} in the config, depth-first. */
  Optional<String> curatorType() {
    return config.flatMap(c -> findType(c, "curator"));
  }

  private static Optional<String> findType(JsonNode node, String name) {
    if (!node.isContainerNode()) {
      return Optional.empty();
    }
    JsonNode direct = node.get(name);
    if (direct != null && direct.isObject() && direct.path("type").isTextual()) {
      return Optional.of(direct.get("type").asText());
    }
    for (JsonNode child : node) {
      Optional<String> found = findType(child, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Leaves of a JSON tree as (dotted path, value) rows, in document order: text as it is, numbers
   * (also inside arrays) through {@code number}, anything else as its JSON text.
   */
  static List<List<String>> flatten(JsonNode node, DoubleFunction<String> number) {
    List<List<String>> rows = new ArrayList<>();
    flatten("", node, number, rows);
    return rows;
  }

  private static void flatten(
      String prefix, JsonNode node, DoubleFunction<String> number, List<List<String>> rows) {
    if (node.isObject() && node.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
        flatten(path, e.getValue(), number, rows);
      }
    } else {
      rows.add(List.of(prefix, text(node, number)));
    }
  }

  private static String text(JsonNode node, DoubleFunction<String> number) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return number.apply(node.asDouble());
    }
    if (node.isArray() && node.size() > 0) {
      List<String> parts = new ArrayList<>();
      node.forEach(n -> parts.add(n.isTextual() ? n.toString() : text(n, number)));
      return "[" + String.join(", ", parts) + "]";
    }
    return node.toString();
  }
}
