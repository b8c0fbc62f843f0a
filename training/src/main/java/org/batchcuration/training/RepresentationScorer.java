package org.batchcuration.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.batchcuration.api.CurationBatch;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.diagnostics.CurationDiagnostics;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.evaluation.KnnClassifier;
import org.batchcuration.evaluation.KnnConfig;
import org.batchcuration.evaluation.LinearProbe;
import org.batchcuration.evaluation.ProbeResult;
import org.batchcuration.simclr.SimClrTrainer;
import org.batchcuration.simclr.StepResult;

/**
 * Frozen-feature evaluation: embeds images with the encoder (eval transform, no gradients) and
 * scores them with a weighted kNN classifier and a linear probe. Deterministic for a given encoder.
 * The final evaluation ({@link #score}) shows its phases (features, kNN, probe) with an ETA on
 * stderr ({@link PhaseProgress}). Used by the training thread only.
 */
final class RepresentationScorer {
  /** Images embedded per call to the trainer. */
  static final int CHUNK = 256;

  /** Labelled training images the view-disagreement diagnostic classifies the views against. */
  static final int VIEW_BANK = 1000;

  private final TwoViewPipeline pipeline;
  private final ImageDataset train;
  private final Optional<ImageDataset> test;
  private final EvalSettings settings;
  private final long seed;
  private final Function<String, PhaseProgress> phases;

  RepresentationScorer(
      TwoViewPipeline pipeline,
      ImageDataset train,
      Optional<ImageDataset> test,
      EvalSettings settings,
      long seed) {
    this(pipeline, train, test, settings, seed, PhaseProgress::onStderr);
  }

  /** An evaluator whose final evaluation reports its phases through {@code phases}. */
  RepresentationScorer(
      TwoViewPipeline pipeline,
      ImageDataset train,
      Optional<ImageDataset> test,
      EvalSettings settings,
      long seed,
      Function<String, PhaseProgress> phases) {
    this.phases = phases;
    this.pipeline = pipeline;
    this.train = train;
    this.test = test;
    this.settings = settings;
    this.seed = seed;
  }

  /** Whether kNN and the probe can run: labelled train and test splits. */
  boolean canScore() {
    return train.hasLabels() && test.isPresent() && test.get().hasLabels();
  }

  /** Representations of the first {@code count} images of {@code dataset}. */
  Features embed(SimClrTrainer trainer, ImageDataset dataset, int count) {
    return embed(trainer, dataset, count, done -> {});
  }

  /**
   * As {@link #embed(SimClrTrainer, ImageDataset, int)}, telling {@code progress} the share done.
   */
  Features embed(SimClrTrainer trainer, ImageDataset dataset, int count, DoubleConsumer progress) {
    int n = Math.min(count, dataset.size());
    int dim = trainer.representationDim();
    float[] out = new float[n * dim];
    for (int from = 0; from < n; from += CHUNK) {
      int m = Math.min(CHUNK, n - from);
      float[] images = pipeline.evalImages(dataset, from, m);
      float[] h = trainer.embed(images, m);
      if (h.length != m * dim) {
        throw new IllegalStateException(
            "embed returned " + h.length + " values for " + m + " images of width " + dim);
      }
      System.arraycopy(h, 0, out, from * dim, h.length);
      progress.accept((from + m) / (double) n);
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = dataset.hasLabels() ? dataset.label(i) : -1;
    }
    return new Features(out, labels, n, dim);
  }

  Features embedTest(SimClrTrainer trainer) {
    ImageDataset t = test.orElseThrow();
    return embed(trainer, t, settings.testCount(t.size()));
  }

  /** The kNN monitor: {@code monitorLimit} training images against the test images. */
  Map<String, Double> monitor(SimClrTrainer trainer) {
    Features tr = embed(trainer, train, settings.monitorLimit());
    Features te = embedTest(trainer);
    return Map.of("knn_top1", knn(tr, te));
  }

  /**
   * Whether the curator's flagged pairs are the ones whose two views look like different classes: a
   * kNN classifier over the representations of the first {@link #VIEW_BANK} labelled training
   * images (embedded now, so the figure depends only on the current weights) assigns a class to
   * each view of the step's batch; returns the share of flagged pairs (weight not 1) whose views
   * get different classes, and the same share among unflagged pairs. Labels serve the diagnostic
   * only.
   */
  Map<String, Double> viewDisagreement(SimClrTrainer trainer, StepResult step) {
    if (!train.hasLabels()) {
      return Map.of();
    }
    Features bank = embed(trainer, train, Math.min(VIEW_BANK, train.size()));
    CurationBatch batch = step.batch();
    CurationDecision decision = step.decision();
    boolean[] flagged = new boolean[batch.size()];
    for (int i = 0; i < flagged.length; i++) {
      flagged[i] = decision.pairWeight(i) != 1f;
    }
    KnnConfig config = settings.knn(bank.n());
    int[] view1 = predict(bank, batch.h1().toArray(), config);
    int[] view2 = predict(bank, batch.h2().toArray(), config);
    return CurationDiagnostics.viewDisagreement(flagged, view1, view2);
  }

  private int[] predict(Features bank, float[] rows, KnnConfig config) {
    return KnnClassifier.predict(
        bank.values(), bank.labels(), rows, bank.dim(), numClasses(), config);
  }

  /**
   * kNN and linear probe on all training images and the test images.
   *
   * @param prefix prepended to each key ({@code ""} or {@code "random_init_"})
   * @param testFeatures receives the test features when not null
   */
  Map<String, Double> score(SimClrTrainer trainer, String prefix, Features[] testFeatures) {
    String label =
        "evaluation" + (prefix.isEmpty() ? "" : " (" + prefix.replace('_', ' ').trim() + ")");
    PhaseProgress phase = phases.apply(label + ": train features");
    Features tr = embed(trainer, train, train.size(), phase);
    phase.done();
    ImageDataset t = test.orElseThrow();
    phase = phases.apply(label + ": test features");
    Features te = embed(trainer, t, settings.testCount(t.size()), phase);
    phase.done();
    if (testFeatures != null) {
      testFeatures[0] = te;
    }
    return scoreFeatures(tr, te, prefix, label);
  }

  /** Whether the final evaluation scores the raw pixels too ({@code eval.pixelsBaseline}). */
  boolean scoresPixels() {
    return settings.pixelsBaseline().appliesTo(train.shape().size());
  }

  /**
   * The pixels row: kNN and linear probe on the flattened training and evaluation images, each byte
   * scaled to [0, 1] (no augmentation, no normalisation: the probe standardises its inputs itself,
   * and cosine kNN on [0, 1] pixels is the common reference, as in {@code pixels_baseline.py}).
   * Keys {@code pixels_knn_top1}, {@code pixels_linear_top1}, ...
   */
  Map<String, Double> scorePixels() {
    ImageDataset t = test.orElseThrow();
    Features tr = pixels(train, train.size());
    Features te = pixels(t, settings.testCount(t.size()));
    return scoreFeatures(tr, te, "pixels_", "evaluation (pixels)");
  }

  /** The first {@code count} images of {@code dataset} as rows of bytes / 255. */
  static Features pixels(ImageDataset dataset, int count) {
    int n = Math.min(count, dataset.size());
    int dim = dataset.shape().size();
    float[] out = new float[n * dim];
    byte[] image = new byte[dim];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      dataset.copyImage(i, image, 0);
      for (int j = 0; j < dim; j++) {
        out[i * dim + j] = (image[j] & 0xff) / 255f;
      }
      labels[i] = dataset.hasLabels() ? dataset.label(i) : -1;
    }
    return new Features(out, labels, n, dim);
  }

  private Map<String, Double> scoreFeatures(Features tr, Features te, String prefix, String label) {
    Map<String, Double> m = new LinkedHashMap<>();
    PhaseProgress phase = phases.apply(label + ": kNN");
    m.put(prefix + "knn_top1", knn(tr, te, phase));
    phase.done();
    phase = phases.apply(label + ": linear probe");
    ProbeResult probe =
        LinearProbe.fit(
            tr.values(),
            tr.labels(),
            te.values(),
            te.labels(),
            tr.dim(),
            numClasses(),
            settings.probe(seed),
            phase);
    phase.done();
    m.put(prefix + "linear_top1", probe.top1());
    m.put(prefix + "linear_l2", probe.chosenL2());
    m.put(prefix + "linear_held_out_top1", probe.heldOutTop1());
    return m;
  }

  private double knn(Features tr, Features te) {
    return knn(tr, te, done -> {});
  }

  private double knn(Features tr, Features te, DoubleConsumer progress) {
    return KnnClassifier.top1(
        tr.values(),
        tr.labels(),
        te.values(),
        te.labels(),
        tr.dim(),
        numClasses(),
        settings.knn(tr.n()),
        progress);
  }

  private int numClasses() {
    return Math.max(train.numClasses(), test.map(ImageDataset::numClasses).orElse(0));
  }
}
