package org.batchcuration.runner.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.batchcuration.configbinding.ConfigException;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.api.RunHandle;
import org.batchcuration.training.TrainingListener;

/**
 * Runs an ablation's pending runs: {@code local} trains them one after another in this JVM; other
 * executors (e.g. {@code spark} from the spark-executor module) are found with {@link
 * ServiceLoader} by {@link #name()}, so the runner does not depend on them at compile time. An
 * executor gets only runs that have not completed; a run folder it finds holding a run must be
 * resumed, and a result only counts when its {@code status} is {@code completed}. Implementations
 * have a public no-argument constructor and are used by one thread at a time.
 */
public interface AblationExecutor {
  /** The name the ablation file's {@code executor} and {@code ablate --executor} choose it by. */
  String name();

  /**
   * Runs every job.
   *
   * @return one {@code result.json} map per job, in job order; empty when the ablation was
   *     cancelled (through {@link Context#handle()}) before every run completed
   */
  Optional<List<Map<String, Object>>> run(List<AblationRunner.Planned> jobs, Context context);

  /**
   * What an executor may use.
   *
   * @param runner the runner the configs were resolved with (its setup holds the plugins)
   * @param options executor options by name, e.g. {@code master} for {@code spark}
   * @param listener progress of runs trained in this JVM
   * @param handle cancels the ablation from another thread
   * @param log one line per run started, resumed, skipped or finished
   */
  record Context(
      ExperimentRunner runner,
      Map<String, String> options,
      TrainingListener listener,
      RunHandle handle,
      Consumer<String> log) {
    public Context {
      Objects.requireNonNull(runner, "runner");
      options = Map.copyOf(options);
      Objects.requireNonNull(listener, "listener");
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(log, "log");
    }
  }

  /**
   * The executor called {@code name} among {@code local} and those {@code loader} finds.
   *
   * @param source the file or option that named it, for the message
   * @param at where in {@code source} it was named
   * @throws ConfigException naming the known executors when there is none by that name
   */
  static AblationExecutor named(String name, ClassLoader loader, String source, String at) {
    Objects.requireNonNull(name, "name");
    List<AblationExecutor> all = new ArrayList<>();
    all.add(new LocalExecutor());
    for (AblationExecutor e : ServiceLoader.load(AblationExecutor.class, loader)) {
      all.add(e);
    }
    TreeSet<String> known = new TreeSet<>();
    for (AblationExecutor e : all) {
      if (e.name().equals(name)) {
        return e;
      }
      known.add(e.name());
    }
    throw new ConfigException(
        source,
        at,
        "unknown executor \""
            + name
            + "\"; known: "
            + known
            + (name.equals("spark")
                ? " (the spark executor needs the spark-executor module on the class path)"
                : ""));
  }
}
