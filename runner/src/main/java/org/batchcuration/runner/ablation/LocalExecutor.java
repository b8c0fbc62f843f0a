package org.batchcuration.runner.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.runner.api.RunResult;
import org.batchcuration.runner.inject.RunFolders;
import org.batchcuration.training.RunMode;

/**
 * The {@code local} executor: trains the runs one after another on the calling thread, resuming a
 * folder that holds an interrupted run. Stateless.
 */
public final class LocalExecutor implements AblationExecutor {
  /** Its name, the default executor. */
  public static final String NAME = "local";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Optional<List<Map<String, Object>>> run(
      List<AblationRunner.Planned> jobs, Context context) {
    List<Map<String, Object>> results = new ArrayList<>();
    for (AblationRunner.Planned p : jobs) {
      boolean resume = RunFolders.holdsRun(p.dir());
      context.log().accept((resume ? "resume " : "run    ") + p.dir());
      RunResult r =
          context
              .runner()
              .run(
                  p.config(),
                  p.dir(),
                  resume ? RunMode.RESUME : RunMode.FRESH,
                  context.listener(),
                  context.handle());
      if (!r.completed()) {
        return Optional.empty();
      }
      results.add(r.result());
    }
    return Optional.of(results);
  }
}
