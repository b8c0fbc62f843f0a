package org.batchcuration.configbinding;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path into a JSON document, written {@code $.train.epochs} or {@code $.augment.ops[2].size}.
 * Parsed from user input ({@code --set} and ablation grids accept the {@code $.} prefix or not).
 * Immutable.
 *
 * @param steps field names ({@link String}) and list indices ({@link Integer}), outermost first
 */
public record JsonPath(List<Object> steps) {
  private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

  public JsonPath {
    steps = List.copyOf(steps);
    for (Object s : steps) {
      if (!(s instanceof String) && !(s instanceof Integer)) {
        throw new IllegalArgumentException("a path step is a field name or an index: " + s);
      }
    }
  }

  /** The document root, {@code $}. */
  public static JsonPath root() {
    return new JsonPath(List.of());
  }

  /**
   * Parses {@code a.b[0].c} (optionally prefixed with {@code $.}).
   *
   * @throws IllegalArgumentException naming the text when it is not a path
   */
  public static JsonPath parse(String text) {
    Objects.requireNonNull(text, "text");
    String body = text.startsWith("$.") ? text.substring(2) : text;
    if (body.isEmpty()) {
      throw new IllegalArgumentException("empty JSON path \"" + text + "\"");
    }
    List<Object> steps = new ArrayList<>();
    Matcher m = STEP.matcher(body);
    int at = 0;
    while (at < body.length()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException(
            "not a JSON path: \""
                + text
                + "\" (expected fields separated by '.', e.g. train.epochs)");
      }
      steps.add(m.group(1) != null ? m.group(1) : Integer.parseInt(m.group(2)));
      at = m.end();
      if (at < body.length() && body.charAt(at) == '.') {
        at++;
        if (at == body.length()) {
          throw new IllegalArgumentException("not a JSON path: \"" + text + "\" (ends with '.')");
        }
      }
    }
    return new JsonPath(steps);
  }

  /** The path of a Jackson mapping error, relative to the node that was being bound. */
  public static JsonPath of(List<JsonMappingException.Reference> references) {
    List<Object> steps = new ArrayList<>();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        steps.add(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        steps.add(r.getIndex());
      }
    }
    return new JsonPath(steps);
  }

  /** This path followed by a field. */
  public JsonPath field(String name) {
    List<Object> s = new ArrayList<>(steps);
    s.add(Objects.requireNonNull(name, "name"));
    return new JsonPath(s);
  }

  /** This path followed by a dotted field path such as {@code space} or {@code ops.size}. */
  public JsonPath fields(String dotted) {
    JsonPath p = this;
    for (String part : dotted.split("\\.")) {
      if (!part.isEmpty()) {
        p = p.field(part);
      }
    }
    return p;
  }

  /** This path followed by another. */
  public JsonPath resolve(JsonPath other) {
    List<Object> s = new ArrayList<>(steps);
    s.addAll(other.steps);
    return new JsonPath(s);
  }

  /** The node at this path below {@code root}, if there is one. */
  public Optional<JsonNode> find(JsonNode root) {
    JsonNode n = root;
    for (Object s : steps) {
      n = s instanceof String f ? n.get(f) : n.get((Integer) s);
      if (n == null) {
        return Optional.empty();
      }
    }
    return Optional.of(n);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("$");
    for (Object s : steps) {
      if (s instanceof String f) {
        b.append('.').append(f);
      } else {
        b.append('[').append(s).append(']');
      }
    }
    return b.toString();
  }
}
