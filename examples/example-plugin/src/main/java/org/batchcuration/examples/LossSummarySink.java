package org.batchcuration.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.batchcuration.api.MetricsSink;

/**
 * An example metrics sink: remembers the lowest step loss of the session and, when the run
 * completes, writes {@code loss-summary.txt} in the run folder ({@code lowest step loss <loss> at
 * epoch <e>, step <s>}). A resumed session reports only its own steps. Called on the training
 * thread only (see {@link MetricsSink}), so it needs no locking.
 */
public final class LossSummarySink implements MetricsSink {
  /** The file it writes in the run folder. */
  public static final String FILE = "loss-summary.txt";

  private Path runDir;
  private double lowest = Double.POSITIVE_INFINITY;
  private int lowestEpoch = -1;
  private long lowestStep = -1;

  @Override
  public void onStart(Path runDir, boolean resumed) {
    this.runDir = runDir;
  }

  @Override
  public void onStep(int epoch, long step, Map<String, Double> values) {
    Double loss = values.get("loss");
    if (loss != null && loss < lowest) {
      lowest = loss;
      lowestEpoch = epoch;
      lowestStep = step;
    }
  }

  @Override
  public void onResult(Map<String, Object> result) {
    String text =
        lowestStep < 0
            ? "no finite step loss\n"
            : "lowest step loss "
                + lowest
                + " at epoch "
                + lowestEpoch
                + ", step "
                + lowestStep
                + "\n";
    try {
      Files.writeString(runDir.resolve(FILE), text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + runDir.resolve(FILE), e);
    }
  }
}
