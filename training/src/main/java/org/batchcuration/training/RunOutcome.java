package org.batchcuration.training;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a run ended with.
 *
 * @param runDir the run folder
 * @param result the contents of {@code result.json} for a completed run; for a cancelled run the
 *     position reached ({@code status} = {@code "cancelled"}, {@code epoch}, {@code steps})
 * @param completed whether training and evaluation finished
 */
public record RunOutcome(Path runDir, Map<String, Object> result, boolean completed) {
  public RunOutcome {
    Objects.requireNonNull(runDir, "runDir");
    result = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(result)));
  }
}
