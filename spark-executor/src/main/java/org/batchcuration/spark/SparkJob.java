package org.batchcuration.spark;

import java.io.Serializable;
import java.nio.file.Path;
import org.batchcuration.api.Checks;

/**
 * One run of an ablation as a Spark task's input: which cell and seed, the run's resolved config
 * and the run folder it writes. Immutable and serializable (it travels from the driver to an
 * executor).
 *
 * @param cell the cell's folder name
 * @param seed the run's seed (already part of {@code configJson})
 * @param source the label config messages name, e.g. {@code base.json [cell none, seed 0]}
 * @param configJson the run's resolved config, exactly as {@code config.resolved.json} records it
 * @param runDir the run folder as an absolute path on the file system every node shares
 */
public record SparkJob(String cell, long seed, String source, String configJson, String runDir)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public SparkJob {
    Checks.present("cell", cell);
    Checks.present("source", source);
    Checks.present("configJson", configJson);
    Checks.present("runDir", runDir);
    Checks.require(Path.of(runDir).isAbsolute(), "runDir", "must be absolute, was " + runDir);
  }

  /** The run folder. */
  public Path runPath() {
    return Path.of(runDir);
  }

  /** {@code <cell>/seed-<seed>}: how logs and fault injection name this run. */
  public String key() {
    return cell + "/seed-" + seed;
  }
}
