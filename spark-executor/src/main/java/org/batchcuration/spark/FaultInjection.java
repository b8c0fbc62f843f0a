package org.batchcuration.spark;

import java.io.Serializable;
import java.util.Optional;
import org.batchcuration.api.Checks;

/**
 * A test hook that makes the <em>first attempt</em> of one run's task fail after that run wrote
 * {@code afterCheckpoints} checkpoints, the way a lost executor would fail it mid-run. Spark then
 * retries the task, which resumes the run folder from its last checkpoint. Set with the Spark
 * property {@value #PROPERTY} as {@code <cell>/seed-<seed>} or {@code <cell>/seed-<seed>@<n>}
 * (default n = 1). Immutable and serializable.
 *
 * @param run the run's key, {@code <cell>/seed-<seed>}
 * @param afterCheckpoints the checkpoint count at which the first attempt fails, at least 1
 */
public record FaultInjection(String run, int afterCheckpoints) implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The Spark property that switches it on. */
  public static final String PROPERTY = "spark.batchcuration.failFirstAttempt";

  public FaultInjection {
    Checks.present("run", run);
    Checks.require(run.matches("[^/@]+/seed-\\d+"), PROPERTY, "expected <cell>/seed-<n>[@<k>]");
    Checks.atLeast(PROPERTY, afterCheckpoints, 1);
  }

  /** Parses the property's value; empty when it is blank. */
  public static Optional<FaultInjection> parse(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    int at = value.lastIndexOf('@');
    if (at < 0) {
      return Optional.of(new FaultInjection(value.trim(), 1));
    }
    String count = value.substring(at + 1).trim();
    Checks.require(
        count.matches("\\d{1,6}"), PROPERTY, "expected <cell>/seed-<n>[@<k>], was " + value);
    return Optional.of(new FaultInjection(value.substring(0, at).trim(), Integer.parseInt(count)));
  }

  /** True when the task for {@code job} at {@code attempt} must fail at this checkpoint count. */
  public boolean fires(SparkJob job, int attempt, int checkpoints) {
    return attempt == 0 && run.equals(job.key()) && checkpoints == afterCheckpoints;
  }

  /** What the injected failure throws. */
  public static final class InjectedFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFault(String message) {
      super(message);
    }
  }
}
