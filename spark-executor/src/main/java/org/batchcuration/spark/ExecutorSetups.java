package org.batchcuration.spark;

import java.util.Map;
import java.util.WeakHashMap;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.config.StandardSchema;

/**
 * The {@link RunnerSetup} of an executor JVM, one per class loader: Spark runs tasks with a context
 * class loader that holds the application's jars and those added with {@code --jars}, so plugins
 * shipped that way are found exactly as {@code ./curation} finds the ones in {@code plugins/}.
 * Thread-safe.
 */
final class ExecutorSetups {
  private static final Map<ClassLoader, RunnerSetup> SETUPS = new WeakHashMap<>();

  private ExecutorSetups() {}

  /** The setup for the calling thread's context class loader. */
  static synchronized RunnerSetup current() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = cl != null ? cl : ExecutorSetups.class.getClassLoader();
    return SETUPS.computeIfAbsent(loader, l -> new RunnerSetup(l, StandardSchema.schema()));
  }
}
