package org.batchcuration.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every plugin provider found with {@link ServiceLoader}, by kind and name.
 *
 * <p>Loading checks that names match {@code [a-z][a-z0-9-]*} and are unique per kind; a duplicate
 * fails naming both classes and both jars. A provider class that a jar's {@code META-INF/services}
 * file lists but no jar holds, and a provider class held by two jars, fail naming the jar(s).
 * Looking up an unknown name fails listing the known names. Immutable and thread-safe once built.
 */
public final class PluginRegistry {
  /** The form every plugin name must have. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

  private final Map<PluginKind, Map<String, PluginProvider<?, ?>>> byKind;

  private PluginRegistry(Map<PluginKind, Map<String, PluginProvider<?, ?>>> byKind) {
    this.byKind = byKind;
  }

  /** Discovers every provider visible to {@code loader}. */
  public static PluginRegistry load(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    Map<PluginKind, List<PluginProvider<?, ?>>> found = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      ServiceFiles.check(loader, kind);
      List<PluginProvider<?, ?>> list = new ArrayList<>();
      Iterator<?> it = ServiceLoader.load(kind.providerType(), loader).iterator();
      while (true) {
        Object provider;
        try {
          if (!it.hasNext()) {
            break;
          }
          provider = it.next();
        } catch (ServiceConfigurationError e) {
          throw new PluginException(
              "Could not load a " + kind.id() + " plugin: " + e.getMessage(), e);
        }
        list.add((PluginProvider<?, ?>) provider);
      }
      found.put(kind, list);
    }
    return of(found);
  }

  /** Discovers providers with the context class loader (or this class's loader). */
  public static PluginRegistry load() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    return load(cl != null ? cl : PluginRegistry.class.getClassLoader());
  }

  /** A registry of the given providers, with the same checks as {@link #load}. */
  public static PluginRegistry of(
      Map<PluginKind, ? extends List<? extends PluginProvider<?, ?>>> providers) {
    Map<PluginKind, Map<String, PluginProvider<?, ?>>> byKind = new EnumMap<>(PluginKind.class);
    for (PluginKind kind : PluginKind.values()) {
      Map<String, PluginProvider<?, ?>> named = new TreeMap<>();
      List<? extends PluginProvider<?, ?>> given = providers.get(kind);
      for (PluginProvider<?, ?> p : given == null ? List.<PluginProvider<?, ?>>of() : given) {
        if (!kind.providerType().isInstance(p)) {
          throw new PluginException(
              p.getClass().getName()
                  + " is listed as a "
                  + kind.id()
                  + " plugin but does not implement "
                  + kind.providerType().getName());
        }
        String name = p.name();
        if (name == null || !NAME.matcher(name).matches()) {
          throw new PluginException(
              "Invalid "
                  + kind.id()
                  + " plugin name \""
                  + name
                  + "\" from "
                  + describe(p)
                  + ": names must match [a-z][a-z0-9-]*");
        }
        PluginProvider<?, ?> previous = named.putIfAbsent(name, p);
        if (previous != null) {
          throw new PluginException(
              "Duplicate "
                  + kind.id()
                  + " plugin name \""
                  + name
                  + "\": "
                  + describe(previous)
                  + " and "
                  + describe(p)
                  + ". Remove one of the jars from the classpath.");
        }
      }
      byKind.put(kind, Collections.unmodifiableMap(named));
    }
    for (PluginKind kind : PluginKind.values()) {
      Map<String, PluginProvider<?, ?>> named = byKind.get(kind);
      for (PluginProvider<?, ?> p : named.values()) {
        for (String former : p.formerNames()) {
          if (named.containsKey(former)) {
            throw new PluginException(
                "The former "
                    + kind.id()
                    + " plugin name \""
                    + former
                    + "\" of "
                    + describe(p)
                    + " is the name of "
                    + describe(named.get(former))
                    + ": a former name is refused, so it cannot name another plugin of its kind");
          }
        }
      }
    }
    return new PluginRegistry(byKind);
  }

  /**
   * The provider of {@code kind} called {@code name}, or a {@link PluginException} listing the
   * known names.
   */
  public PluginProvider<?, ?> provider(PluginKind kind, String name) {
    PluginProvider<?, ?> p = byKind.get(kind).get(name);
    if (p == null) {
      for (PluginProvider<?, ?> renamed : byKind.get(kind).values()) {
        if (renamed.formerNames().contains(name)) {
          throw new PluginException(
              kind.id()
                  + " \""
                  + name
                  + "\" was renamed to \""
                  + renamed.name()
                  + "\"; write \"type\": \""
                  + renamed.name()
                  + "\"");
        }
      }
      throw new PluginException(
          "Unknown "
              + kind.id()
              + " \""
              + name
              + "\""
              + ConfigValues.didYouMean(name, names(kind))
              + ". Known "
              + kind.id()
              + " names: "
              + names(kind)
              + ". If it comes from a plugin, its jar may be missing from the"
              + " classpath (add it as a Maven dependency or put it in plugins/).");
    }
    return p;
  }

  /** The names of every provider of {@code kind}, sorted. */
  public SortedSet<String> names(PluginKind kind) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(byKind.get(kind).keySet()));
  }

  /** All providers of {@code kind}, by name. */
  public Map<String, PluginProvider<?, ?>> providers(PluginKind kind) {
    return byKind.get(kind);
  }

  /** A description of every provider, by kind then name. */
  public List<PluginInfo> plugins() {
    List<PluginInfo> out = new ArrayList<>();
    for (PluginKind kind : PluginKind.values()) {
      for (PluginProvider<?, ?> p : byKind.get(kind).values()) {
        CodeOrigin origin = CodeOrigin.of(p.getClass());
        out.add(
            new PluginInfo(
                kind,
                p.name(),
                p.getClass().getName(),
                origin.artifact(),
                origin.version(),
                origin.location(),
                Objects.requireNonNullElse(p.description(), "")));
      }
    }
    return out;
  }

  private static String describe(PluginProvider<?, ?> p) {
    return p.getClass().getName() + " (" + CodeOrigin.of(p.getClass()).location() + ")";
  }
}
