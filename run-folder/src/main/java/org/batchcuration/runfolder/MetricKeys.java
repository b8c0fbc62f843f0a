package org.batchcuration.runfolder;

/**
 * The keys of {@code metrics.jsonl} lines and {@code result.json} that training writes and that
 * reports, ablations and Spark read back. A key that only one side knows (a curator's own
 * diagnostics) need not be here. Constants only.
 */
public final class MetricKeys {
  public static final String STEP = "step";
  public static final String EPOCH = "epoch";
  public static final String LOSS = "loss";
  public static final String LR = "lr";
  public static final String CURATED_FRACTION = "curated_fraction";

  /** A line's kind; step lines have none, histogram lines have {@value #HISTOGRAM}. */
  public static final String KIND = "kind";

  public static final String HISTOGRAM = "histogram";

  /** {@code result.json}: the run's status, {@value #COMPLETED} once it finished. */
  public static final String STATUS = "status";

  public static final String COMPLETED = "completed";

  /**
   * {@code result.json}'s status while the run's last files (projection, report, plots, {@code
   * metrics.csv}) are written after the final evaluation; it becomes {@value #COMPLETED} once all
   * of them are. A run in this state is not completed: a resume evaluates it again and finishes it.
   */
  public static final String EVALUATED = "evaluated";

  public static final String EPOCHS = "epochs";
  public static final String STEPS = "steps";
  public static final String KNN_TOP1 = "knn_top1";
  public static final String LINEAR_TOP1 = "linear_top1";
  public static final String RANDOM_INIT_KNN_TOP1 = "random_init_knn_top1";
  public static final String RANDOM_INIT_LINEAR_TOP1 = "random_init_linear_top1";
  public static final String PIXELS_KNN_TOP1 = "pixels_knn_top1";
  public static final String PIXELS_LINEAR_TOP1 = "pixels_linear_top1";

  private MetricKeys() {}
}
