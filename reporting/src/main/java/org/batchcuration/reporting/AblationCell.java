package org.batchcuration.reporting;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One cell of an ablation: a name, the config overrides that define it, and one result per seed.
 *
 * @param name the cell's name
 * @param overrides config path to value, in the order given
 * @param seeds the seed of each result, distinct; cells are compared seed by seed
 * @param results one parsed {@code result.json} per seed, in the order of {@code seeds} (maps may
 *     hold nested maps, e.g. {@code curation}, and null values)
 * @param runDirs the run folders of the seeds (may be empty; used for loss curves and links)
 */
public record AblationCell(
    String name,
    Map<String, String> overrides,
    List<Long> seeds,
    List<Map<String, Object>> results,
    List<Path> runDirs) {
  public AblationCell {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(requireNoNulls(overrides)));
    List<Map<String, Object>> copies = new ArrayList<>();
    for (Map<String, Object> r : Objects.requireNonNull(results, "results")) {
      copies.add(
          Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(r, "result"))));
    }
    results = List.copyOf(copies);
    seeds = List.copyOf(Objects.requireNonNull(seeds, "seeds"));
    if (seeds.size() != results.size()) {
      throw new IllegalArgumentException(
          "cell " + name + ": " + seeds.size() + " seeds for " + results.size() + " results");
    }
    if (new HashSet<>(seeds).size() != seeds.size()) {
      throw new IllegalArgumentException("cell " + name + ": seeds must be distinct, got " + seeds);
    }
    runDirs = List.copyOf(Objects.requireNonNull(runDirs, "runDirs"));
  }

  private static Map<String, String> requireNoNulls(Map<String, String> m) {
    Objects.requireNonNull(m, "overrides");
    m.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "overrides key");
          Objects.requireNonNull(v, "overrides[" + k + "]");
        });
    return m;
  }

  /** The overrides as {@code k=v; k2=v2} (or {@code (defaults)} when there are none). */
  public String overridesText() {
    if (overrides.isEmpty()) {
      return "(defaults)";
    }
    List<String> parts = new ArrayList<>();
    overrides.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("; ", parts);
  }
}
