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
import org.batchcuration.api.DataException;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runfolder.RunJson;

/**
 * The inputs of a run report, read from a run folder: metrics, result, resolved config and the
 * optional 2-D projection. Absent files are empty optionals; malformed ones raise {@link
 * DataException} naming the file.
 */
record ReportInputs(
    Path dir,
    MetricsLog metrics,
    Optional<JsonNode> result,
    Optional<JsonNode> config,
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

  /** Leaves of a JSON tree as (dotted path, JSON text of the value) rows, in document order. */
  static List<List<String>> flatten(JsonNode node) {
    List<List<String>> rows = new ArrayList<>();
    flatten("", node, rows);
    return rows;
  }

  private static void flatten(String prefix, JsonNode node, List<List<String>> rows) {
    if (node.isObject() && node.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), rows);
      }
    } else {
      rows.add(List.of(prefix, node.isTextual() ? node.asText() : node.toString()));
    }
  }
}
