package org.batchcuration.configbinding;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.InvalidConfigException;

/**
 * Binds the JSON object of one config section to its record, over the record's defaults: the user's
 * fields replace the default's (nested objects merge field by field, lists are replaced). Every
 * failure becomes a {@link ConfigException} naming the source, the JSON path and what was expected.
 * Stateless.
 */
public final class RecordBinder {
  private RecordBinder() {}

  /**
   * The record of type {@code type} from {@code user} merged over {@code defaults}.
   *
   * @param user the user's JSON object for the section (fields not given keep their defaults)
   * @param path where the section sits in the config, for messages
   */
  public static <R extends Record> R bind(
      JsonNode user, R defaults, Class<R> type, JsonPath path, String source) {
    Objects.requireNonNull(defaults, "defaults");
    if (!user.isObject()) {
      throw new ConfigException(
          source, path.toString(), "expected an object, got " + Json.describe(user));
    }
    rejectNulls(user, path, source);
    ObjectNode merged = Json.mapper().valueToTree(defaults);
    merge(merged, (ObjectNode) user);
    try {
      return Json.mapper().treeToValue(merged, type);
    } catch (JsonProcessingException e) {
      throw translate(e, merged, path, source);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source, path.toString(), e.getMessage(), e);
    }
  }

  /** The JSON tree of a bound record (what {@code config.resolved.json} records). */
  public static ObjectNode tree(Record value) {
    return Json.mapper().valueToTree(value);
  }

  /** Turns an {@link InvalidConfigException} from a section's record or plugin into a message. */
  public static ConfigException translate(InvalidConfigException e, JsonPath path, String source) {
    return new ConfigException(source, path.fields(e.field()).toString(), e.problem(), e);
  }

  private static void merge(ObjectNode target, ObjectNode user) {
    Iterator<Map.Entry<String, JsonNode>> it = user.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode existing = target.get(f.getKey());
      if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode uo) {
        merge(eo, uo);
      } else {
        target.set(f.getKey(), f.getValue().deepCopy());
      }
    }
  }

  private static void rejectNulls(JsonNode node, JsonPath path, String source) {
    if (node.isNull()) {
      throw new ConfigException(source, path.toString(), "expected a value, got null");
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        rejectNulls(f.getValue(), path.field(f.getKey()), source);
      }
    }
  }

  private static ConfigException translate(
      JsonProcessingException e, JsonNode merged, JsonPath base, String source) {
    if (e instanceof ValueInstantiationException vi) {
      JsonPath at = base.resolve(JsonPath.of(vi.getPath()));
      for (Throwable c = vi.getCause(); c != null; c = c.getCause()) {
        if (c instanceof InvalidConfigException ice) {
          return translate(ice, at, source);
        }
      }
      Throwable cause = vi.getCause() == null ? vi : vi.getCause();
      return new ConfigException(source, at.toString(), String.valueOf(cause.getMessage()), e);
    }
    if (e instanceof UnrecognizedPropertyException up) {
      JsonPath at = base.resolve(JsonPath.of(up.getPath()));
      return new ConfigException(
          source,
          at.toString(),
          "unknown field"
              + ConfigValues.didYouMean(up.getPropertyName(), knownNames(up.getKnownPropertyIds()))
              + "; known fields: "
              + known(up.getKnownPropertyIds()),
          e);
    }
    if (e instanceof JsonMappingException jm) {
      JsonPath rel = JsonPath.of(jm.getPath());
      JsonPath at = base.resolve(rel);
      if (e instanceof MismatchedInputException mi && mi.getTargetType() != null) {
        String got = rel.find(merged).map(Json::describe).orElse("nothing");
        if (mi.getTargetType().isEnum()) {
          // the message Checks.oneOf gives, with the enum's config names (ConfigValues)
          return new ConfigException(
              source,
              at.toString(),
              "must be one of " + names(mi.getTargetType()) + ", was " + got,
              e);
        }
        return new ConfigException(
            source, at.toString(), "expected " + expected(mi.getTargetType()) + ", got " + got, e);
      }
      return new ConfigException(source, at.toString(), jm.getOriginalMessage(), e);
    }
    return new ConfigException(source, base.toString(), e.getOriginalMessage(), e);
  }

  private static List<String> names(Class<?> enumType) {
    return ConfigValues.names(enumType);
  }

  private static String known(Collection<Object> ids) {
    return knownNames(ids).toString();
  }

  private static TreeSet<String> knownNames(Collection<Object> ids) {
    TreeSet<String> names = new TreeSet<>();
    if (ids != null) {
      ids.forEach(i -> names.add(String.valueOf(i)));
    }
    return names;
  }

  /** Words for what a JSON value of a Java type looks like. */
  static String expected(Class<?> t) {
    if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
      return "an integer";
    }
    if (t == short.class || t == Short.class || t == byte.class || t == Byte.class) {
      return "an integer";
    }
    if (t == double.class || t == Double.class || t == float.class || t == Float.class) {
      return "a number";
    }
    if (t == boolean.class || t == Boolean.class) {
      return "true or false";
    }
    if (t == String.class) {
      return "a string";
    }
    if (t.isArray() || Collection.class.isAssignableFrom(t)) {
      return "a list";
    }
    if (t.isEnum()) {
      return "one of " + names(t);
    }
    return "an object (" + t.getSimpleName() + ")";
  }
}
