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
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runfolder.FolderLock;

/**
 * Runs a list of {@link SparkJob}s as one Spark job, one task per run, and returns their results in
 * job order. Before, it checks that the executors see the driver's plugins ({@link PluginCheck}). A
 * failed task is retried by Spark up to {@code spark.task.maxFailures} times; the retry resumes the
 * run folder. Uses the active SparkContext when there is one (and leaves it running), else creates
 * one from {@link SparkSettings} and stops it at the end. Not thread-safe.
 */
public final class SparkAblationRuns {
  private final SparkSettings settings;
  private final Optional<String> store;
  private final Consumer<String> log;

  /** Runs whose folders are on a file system the driver and every executor share. */
  public SparkAblationRuns(SparkSettings settings, Consumer<String> log) {
    this(settings, Optional.empty(), log);
  }

  /**
   * Runs whose folders live in {@code store} when given: a Hadoop-compatible file system URI
   * ({@code hdfs://namenode/ablations/x}, {@code s3a://bucket/x}, {@code file:///shared/x}); tasks
   * train in local scratch folders mirrored there, and the driver copies every completed run
   * folder, without its checkpoints, into the job's {@code runDir}.
   *
   * @throws org.batchcuration.configbinding.ConfigException when {@code store} is not an absolute
   *     URI with a scheme
   */
  public SparkAblationRuns(SparkSettings settings, Optional<String> store, Consumer<String> log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.log = Objects.requireNonNull(log, "log");
    store.ifPresent(s -> checkedStore(s, java.util.Map.of()));
  }

  private static RunStore checkedStore(String uri, java.util.Map<String, String> hadoopConf) {
    try {
      return new RunStore(uri, hadoopConf);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("executor spark", "store", e.getMessage());
    }
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
      // the store is opened first: a store the cluster cannot open fails before anything else
      Optional<RunStore> runs =
          store.map(s -> checkedStore(s, RunStore.properties(sc.hadoopConfiguration())));
      runs.ifPresent(SparkAblationRuns::open);
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
      store.ifPresent(s -> log.accept("spark  run store " + s));
      JavaFutureAction<List<SparkJobResult>> f =
          sc.parallelize(all, all.size()).map(new RunTask(fault, runs)).collectAsync();
      Optional<List<SparkJobResult>> results = await(f, cancelled);
      if (runs.isPresent() && results.isPresent()) {
        for (SparkJobResult r : results.get()) {
          // the report's loss curves and the user's inspection read the local run folders
          try (FolderLock lock =
              FolderLock.acquire(r.job().runPath(), "run folder", "copy from the run store")) {
            lock.requireHeld();
            runs.get().download(r.job().key(), r.job().runPath(), RunStore::isCheckpoint);
          }
        }
      }
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

  private static void open(RunStore runs) {
    try {
      runs.open();
    } catch (java.io.UncheckedIOException e) {
      throw new ConfigException("executor spark", "store", e.getMessage());
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
