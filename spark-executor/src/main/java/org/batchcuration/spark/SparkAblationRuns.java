package org.batchcuration.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.batchcuration.api.PluginRegistry;

/**
 * Runs a list of {@link SparkJob}s as one Spark job, one task per run, and returns their results in
 * job order. Before, it checks that the executors see the driver's plugins ({@link PluginCheck}). A
 * failed task is retried by Spark up to {@code spark.task.maxFailures} times; the retry resumes the
 * run folder. Uses the active SparkContext when there is one (and leaves it running), else creates
 * one from {@link SparkSettings} and stops it at the end. Not thread-safe.
 */
public final class SparkAblationRuns {
  private final SparkSettings settings;
  private final Consumer<String> log;

  public SparkAblationRuns(SparkSettings settings, Consumer<String> log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * Runs {@code jobs}; returns empty when {@code cancelled} turned true (the Spark job is
   * cancelled; run folders keep their checkpoints).
   *
   * @param driverPlugins the plugins the driver resolved the configs with
   * @throws org.apache.spark.SparkException wrapped in {@link IllegalStateException} when a task
   *     failed more than {@code spark.task.maxFailures} times
   */
  public Optional<List<SparkJobResult>> run(
      List<SparkJob> jobs, PluginRegistry driverPlugins, BooleanSupplier cancelled) {
    Objects.requireNonNull(driverPlugins, "driverPlugins");
    Objects.requireNonNull(cancelled, "cancelled");
    List<SparkJob> all = List.copyOf(jobs);
    if (all.isEmpty()) {
      return Optional.of(List.of());
    }
    quietSparkLogs();
    SparkConf conf = settings.toConf();
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      log.accept(
          "spark  master "
              + sc.master()
              + ", "
              + all.size()
              + " tasks, spark.task.maxFailures="
              + sc.getConf().get("spark.task.maxFailures", "4"));
      PluginCheck.verify(sc, PluginListing.of(driverPlugins));
      Optional<FaultInjection> fault =
          FaultInjection.parse(sc.getConf().get(FaultInjection.PROPERTY, ""));
      JavaFutureAction<List<SparkJobResult>> f =
          sc.parallelize(all, all.size()).map(new RunTask(fault)).collectAsync();
      Optional<List<SparkJobResult>> results = await(f, cancelled);
      results.ifPresent(
          rs -> {
            for (SparkJobResult r : rs) {
              log.accept(
                  r.how()
                      + " "
                      + r.job().runDir()
                      + " (attempt "
                      + r.attempt()
                      + ", executor "
                      + r.executor()
                      + ")");
            }
          });
      return results.map(ArrayList::new).map(List::copyOf);
    }
  }

  /**
   * Spark logs every task at INFO; with the runner's slf4j-simple that drowns the ablation's own
   * lines. Keeps warnings (lost tasks, retries) unless the user set a level.
   */
  static void quietSparkLogs() {
    for (String logger : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop")) {
      String key = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(key) == null) {
        System.setProperty(key, "warn");
      }
    }
  }

  private static Optional<List<SparkJobResult>> await(
      JavaFutureAction<List<SparkJobResult>> f, BooleanSupplier cancelled) {
    while (true) {
      if (cancelled.getAsBoolean()) {
        f.cancel(true);
        return Optional.empty();
      }
      try {
        return Optional.of(f.get(200, TimeUnit.MILLISECONDS));
      } catch (TimeoutException e) {
        // poll the cancellation again
      } catch (InterruptedException e) {
        f.cancel(true);
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new IllegalStateException(
            "the ablation's Spark job failed: " + cause.getMessage(), cause);
      }
    }
  }
}
