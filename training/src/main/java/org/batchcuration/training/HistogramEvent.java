package org.batchcuration.training;

import java.util.Objects;
import org.batchcuration.api.diagnostics.SimilarityHistogram;

/**
 * The similarity histogram of one step's batch, as written to a {@code "kind":"histogram"} line of
 * {@code metrics.jsonl} (every {@code train.histogramEvery} steps).
 *
 * @param epoch zero-based epoch
 * @param step zero-based global step
 * @param space the embedding space the similarities were taken in ({@code "projection"})
 * @param histogram the counts of positive and negative pair similarities per bin
 */
public record HistogramEvent(int epoch, long step, String space, SimilarityHistogram histogram) {
  public HistogramEvent {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(histogram, "histogram");
  }
}
