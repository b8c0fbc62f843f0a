package org.batchcuration.spark;

import java.io.Serializable;
import java.util.Objects;
import org.batchcuration.api.Checks;

/**
 * What a task returns for one {@link SparkJob}: the text of the run's {@code result.json} (whose
 * {@code status} is {@code completed}; a run that did not complete makes the task fail instead) and
 * how the task got it. Immutable and serializable.
 *
 * @param job the job
 * @param resultJson the run folder's {@code result.json}
 * @param how {@code skipped} (completed before), {@code resumed} or {@code trained}
 * @param attempt the Spark attempt number of the task that produced it (0 = first)
 * @param executor the executor id that ran it ({@code driver} in local mode)
 */
public record SparkJobResult(
    SparkJob job, String resultJson, String how, int attempt, String executor)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SparkJobResult {
    Objects.requireNonNull(job, "job");
    Checks.present("resultJson", resultJson);
    Checks.oneOf("how", how, java.util.List.of("skipped", "resumed", "trained"));
    Checks.atLeast("attempt", attempt, 0);
    Checks.present("executor", executor);
  }
}
