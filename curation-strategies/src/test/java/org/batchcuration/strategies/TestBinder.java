package org.batchcuration.strategies;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.batchcuration.api.ConfigValues;
import org.batchcuration.api.InvalidConfigException;

/**
 * Binds a raw JSON-like map (as Jackson reads an object into {@code Map<String, Object>}) onto a
 * plugin config record, over that record's defaults, without jackson-databind: the tests' stand-in
 * for the runner's binding of nested plugin configs ({@link TestNestedPlugins}); production code
 * binds nested configs through the runner ({@code PluginContext.nested()}).
 *
 * <p>Supports the component types plugin configs may have: {@code int}, {@code long}, {@code
 * double}, {@code float}, {@code boolean}, {@link String}, config enums (by their {@code
 * toString()}), {@link List} and {@link Map} (taken as given) and nested records (bound
 * recursively). Unknown fields and wrong types raise {@link InvalidConfigException} naming {@code
 * path.field}; so do the record's own checks. Stateless.
 */
public final class TestBinder {
  private TestBinder() {}

  /** {@code defaults} with the fields in {@code fields} replaced. */
  public static <C extends Record> C bind(C defaults, Map<String, ?> fields, String path) {
    Objects.requireNonNull(defaults, "defaults");
    Objects.requireNonNull(fields, "fields");
    @SuppressWarnings("unchecked")
    Class<C> type = (Class<C>) defaults.getClass();
    RecordComponent[] components = type.getRecordComponents();
    Map<String, RecordComponent> byName = new LinkedHashMap<>();
    for (RecordComponent rc : components) {
      byName.put(rc.getName(), rc);
    }
    for (String key : fields.keySet()) {
      if (!byName.containsKey(key)) {
        throw new InvalidConfigException(
            path + "." + key, "unknown field; known fields: " + byName.keySet());
      }
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int k = 0; k < components.length; k++) {
      RecordComponent rc = components[k];
      types[k] = rc.getType();
      Object current = invoke(rc, defaults);
      args[k] =
          fields.containsKey(rc.getName())
              ? convert(fields.get(rc.getName()), rc.getType(), current, path + "." + rc.getName())
              : current;
    }
    try {
      Constructor<C> ctor = type.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof InvalidConfigException ice) {
        throw new InvalidConfigException(path + "." + ice.field(), ice.problem());
      }
      throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + type.getName(), e);
    }
  }

  private static Object convert(Object value, Class<?> type, Object current, String field) {
    if (value == null) {
      throw new InvalidConfigException(field, "must not be null");
    }
    if (type == int.class || type == long.class) {
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return type == int.class ? (Object) Math.toIntExact(n.longValue()) : n.longValue();
      }
      throw new InvalidConfigException(field, "must be an integer, was " + value);
    }
    if (type == double.class || type == float.class) {
      if (value instanceof Number n) {
        return type == double.class ? (Object) n.doubleValue() : n.floatValue();
      }
      throw new InvalidConfigException(field, "must be a number, was " + value);
    }
    if (type == boolean.class) {
      if (value instanceof Boolean bool) {
        return bool;
      }
      throw new InvalidConfigException(field, "must be true or false, was " + value);
    }
    if (type == String.class) {
      if (value instanceof String s) {
        return s;
      }
      throw new InvalidConfigException(field, "must be a string, was " + value);
    }
    if (type.isEnum()) {
      // config enums are named by toString() (ConfigValues), as the runner binds them
      if (type.isInstance(value)) {
        return value;
      }
      if (value instanceof String str) {
        return parse(type, field, str);
      }
      throw new InvalidConfigException(
          field, "must be one of " + ConfigValues.names(type) + ", was " + value);
    }
    if (type == List.class) {
      if (value instanceof List<?> l) {
        return List.copyOf(new ArrayList<>(l));
      }
      throw new InvalidConfigException(field, "must be a list, was " + value);
    }
    if (type == Map.class) {
      if (value instanceof Map<?, ?> m) {
        return m;
      }
      throw new InvalidConfigException(field, "must be an object, was " + value);
    }
    if (type.isRecord() && current instanceof Record r) {
      if (value instanceof Map<?, ?> m) {
        Map<String, Object> sub = new LinkedHashMap<>();
        m.forEach((k, v) -> sub.put(String.valueOf(k), v));
        return bind(r, sub, field);
      }
      throw new InvalidConfigException(field, "must be an object, was " + value);
    }
    throw new InvalidConfigException(field, "has an unsupported type " + type.getSimpleName());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object parse(Class<?> type, String field, String value) {
    return ConfigValues.parse((Class) type, field, value);
  }

  private static Object invoke(RecordComponent rc, Record r) {
    try {
      return rc.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + rc.getName(), e);
    }
  }
}
