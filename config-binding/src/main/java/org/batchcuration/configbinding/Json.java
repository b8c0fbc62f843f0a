package org.batchcuration.configbinding;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The strict Jackson setup shared by every config reader: duplicate keys, trailing tokens, unknown
 * fields, nulls for primitives, floats for integers and scalar coercions ({@code "5"} for a number,
 * {@code 1} for a boolean) are all errors. Thread-safe.
 */
public final class Json {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // closed sets of config values are enums named by toString() (ConfigValues)
          .enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .build();

  private Json() {}

  /** The shared strict mapper. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Parses a whole JSON document.
   *
   * @throws ConfigException {@code source: line L, column C: problem} when it is not valid JSON
   */
  public static JsonNode parse(String text, String source) {
    try (JsonParser p = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(p);
      if (node == null || node.isMissingNode()) {
        throw new ConfigException(
            source, "line 1, column 1", "empty document, expected a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? "$"
              : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ConfigException(source, where, firstLine(e.getOriginalMessage()), e);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Parses a command-line value: JSON when it parses as JSON, otherwise the text as a string. */
  public static JsonNode parseValue(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      if (n != null && !n.isMissingNode()) {
        return n;
      }
    } catch (JsonProcessingException e) {
      // not JSON: a plain string
    }
    return MAPPER.getNodeFactory().textNode(text);
  }

  /** Pretty-printed JSON of a node, with a trailing newline. */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree", e);
    }
  }

  /** A short rendering of a node for error messages: JSON text, shortened past 60 characters. */
  public static String describe(JsonNode node) {
    String s = node.toString();
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
