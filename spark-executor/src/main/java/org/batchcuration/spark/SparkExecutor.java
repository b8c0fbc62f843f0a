package org.batchcuration.spark;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.ablation.AblationExecutor;
import org.batchcuration.runner.ablation.AblationRunner;

/**
 * The {@code spark} ablation executor: every pending (cell, seed) run becomes one Spark task that
 * trains in an executor and returns its {@code result.json} (see {@link SparkAblationRuns}).
 * Options: {@code master} (a Spark master URL; default: the one spark-submit set) and {@code store}
 * (a Hadoop-compatible file system URI that holds the run folders, for clusters whose nodes share
 * no POSIX folder; default: the ablation folder itself, which every node must then share). Further
 * Spark properties come from {@code spark.*} system properties. Found by the runner with {@link
 * java.util.ServiceLoader}. Stateless; one ablation at a time per JVM (one SparkContext).
 */
public final class SparkExecutor implements AblationExecutor {
  /** The executor's name. */
  public static final String NAME = "spark";

  private static final Set<String> OPTIONS = Set.of("master", "store");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<List<Map<String, Object>>> run(
      List<AblationRunner.Planned> jobs, Context context) {
    for (String key : context.options().keySet()) {
      if (!OPTIONS.contains(key)) {
        throw new ConfigException(
            "executor spark", key, "unknown option; known options: " + new TreeSet<>(OPTIONS));
      }
    }
    SparkSettings settings = SparkSettings.defaults();
    String master = context.options().get("master");
    if (master != null) {
      settings = settings.withMaster(master);
    }
    List<SparkJob> sparkJobs = new ArrayList<>();
    for (AblationRunner.Planned p : jobs) {
      sparkJobs.add(
          new SparkJob(
              p.cell().name(),
              p.seed(),
              p.config().source(),
              p.config().resolvedJson(),
              p.dir().toAbsolutePath().toString()));
    }
    Optional<List<SparkJobResult>> results =
        new SparkAblationRuns(
                settings, Optional.ofNullable(context.options().get("store")), context.log())
            .run(sparkJobs, context.runner().setup().registry(), context.handle()::isCancelled);
    return results.map(SparkExecutor::maps);
  }

  private static List<Map<String, Object>> maps(List<SparkJobResult> results) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SparkJobResult r : results) {
      try {
        out.add(
            Json.mapper().readValue(r.resultJson(), new TypeReference<Map<String, Object>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException("unreadable result of " + r.job().key(), e);
      }
    }
    return out;
  }
}
