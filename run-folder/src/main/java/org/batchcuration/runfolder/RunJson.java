package org.batchcuration.runfolder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.DataException;

/**
 * The JSON of run and ablation folders: one mapper for every file they hold (results, provenance,
 * metrics lines, projections, bench results), pretty files, compact lines. Configs are bound by the
 * runner's strict config reader instead. Thread-safe.
 */
public final class RunJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private RunJson() {}

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * A JSON object file, if it exists.
   *
   * @throws DataException naming the file, line and column when it is not a JSON object
   * @throws IOException when it cannot be read
   */
  public static Optional<JsonNode> readObjectIfExists(Path file) throws IOException {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = MAPPER.readTree(file.toFile());
      if (node == null || !node.isObject()) {
        throw new DataException(file + ": expected a JSON object");
      }
      return Optional.of(node);
    } catch (JsonProcessingException e) {
      throw new DataException(
          file
              + ": line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
  }

  /** Compact one-line JSON of {@code value}. */
  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Indented JSON of {@code value}, ending with a newline. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
    }
  }

  /** Pretty-prints a JSON document; refuses text that is not JSON. */
  public static String prettyDocument(String json, String what) {
    return pretty(parse(json, what));
  }

  public static JsonNode parse(String json, String what) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** A JSON object file as an ordered map. */
  public static Map<String, Object> readMap(Path file) {
    return toMap(read(file));
  }

  /** A JSON object text as an ordered map. */
  public static Map<String, Object> readMap(String json) {
    return toMap(parse(json, "JSON object"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> toMap(JsonNode node) {
    return MAPPER.convertValue(node, LinkedHashMap.class);
  }

  /**
   * The first place where two JSON documents differ, as {@code $.a.b[2]: x vs y}; empty when they
   * are equal.
   */
  public static Optional<String> firstDifference(JsonNode a, JsonNode b, String path) {
    if (a.equals(b)) {
      return Optional.empty();
    }
    if (a.isObject() && b.isObject()) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!b.has(f)) {
          return Optional.of(path + "." + f + ": present vs absent");
        }
        Optional<String> d = firstDifference(a.get(f), b.get(f), path + "." + f);
        if (d.isPresent()) {
          return d;
        }
      }
      for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!a.has(f)) {
          return Optional.of(path + "." + f + ": absent vs present");
        }
      }
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        Optional<String> d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
        if (d.isPresent()) {
          return d;
        }
      }
    }
    return Optional.of(path + ": " + a + " vs " + b);
  }
}
