package org.batchcuration.runner.ablation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.runfolder.RunFiles;
import org.batchcuration.runner.api.RunResult;
import org.batchcuration.training.RunMode;
import org.batchcuration.training.StatusLine;

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
    long start = System.nanoTime();
    for (int i = 0; i < jobs.size(); i++) {
      AblationRunner.Planned p = jobs.get(i);
      boolean resume = !p.replace() && RunFiles.holdsRun(p.dir());
      double eta = i == 0 ? Double.NaN : (System.nanoTime() - start) / 1e9 / i * (jobs.size() - i);
      context.log().accept(startLine(resume, p, eta));
      RunResult r =
          context
              .runner()
              .run(
                  p.config(),
                  p.dir(),
                  p.replace() ? RunMode.OVERWRITE : resume ? RunMode.RESUME : RunMode.FRESH,
                  context.listener(),
                  context.handle());
      if (!r.completed()) {
        return Optional.empty();
      }
      results.add(r.result());
    }
    return Optional.of(results);
  }

  /**
   * {@code run cell 2/6, seed 1/3: runs/a/random/seed-1 (ablation ETA 00:12:34)}: the ETA assumes
   * the pending runs take as long as those this executor has run so far.
   */
  static String startLine(boolean resume, AblationRunner.Planned p, double etaSeconds) {
    return (resume ? "resume " : "run    ")
        + p.position().label()
        + ": "
        + p.dir()
        + " (ablation ETA "
        + StatusLine.duration(etaSeconds)
        + ")";
  }
}
