package org.batchcuration.simclr;

import java.util.Random;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.ViewBatch;
import org.batchcuration.api.ViewSource;

/**
 * Procedural images with real class structure (class k: an oriented stripe pattern with its own
 * frequency and colour, random phase) and SimCLR-like views (random circular shift, contrast,
 * noise). Seeded: same seed, same batches.
 */
final class SyntheticViews implements ViewSource {
  final ImageShape shape;
  final int classes;
  private final long seed;

  SyntheticViews(ImageShape shape, int classes, long seed) {
    this.shape = shape;
    this.classes = classes;
    this.seed = seed;
  }

  /** Batch {@code step}: {@code n} images with labels {@code i mod classes}. */
  ViewBatch batch(long step, int n) {
    int[] idx = new int[n];
    int[] labels = new int[n];
    Random r = new Random(seed * 1_000_003L + step);
    for (int i = 0; i < n; i++) {
      idx[i] = r.nextInt(1 << 20);
      labels[i] = idx[i] % classes;
    }
    float[] v1 = new float[n * shape.size()];
    float[] v2 = new float[n * shape.size()];
    for (int i = 0; i < n; i++) {
      view(idx[i], new Random(seed + 31L * step + 7L * i), v1, i);
      view(idx[i], new Random(seed - 17L * step - 13L * i - 1), v2, i);
    }
    return new ViewBatch(idx, labels, shape, v1, v2);
  }

  @Override
  public ViewBatch redraw(ViewBatch batch, int[] positions, int attempt) {
    float[] v1 = batch.view1().clone();
    float[] v2 = batch.view2().clone();
    for (int p : positions) {
      int index = batch.indices()[p];
      view(index, new Random(seed ^ (index * 97L + attempt)), v1, p);
      view(index, new Random(seed ^ (index * 89L - attempt)), v2, p);
    }
    return new ViewBatch(batch.indices(), batch.labels(), shape, v1, v2);
  }

  private void view(int index, Random r, float[] out, int pos) {
    int k = index % classes;
    Random img = new Random(index);
    double phase = img.nextDouble() * Math.PI * 2;
    double angle = Math.PI * k / classes;
    double freq = 0.6 + 0.25 * k;
    int dx = r.nextInt(shape.width() / 2 + 1) - shape.width() / 4;
    int dy = r.nextInt(shape.height() / 2 + 1) - shape.height() / 4;
    double contrast = 0.6 + 0.8 * r.nextDouble();
    int h = shape.height();
    int w = shape.width();
    for (int c = 0; c < shape.channels(); c++) {
      double colour = 0.5 + 0.5 * Math.cos(k + 2.0 * c);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int sx = Math.floorMod(x + dx, w);
          int sy = Math.floorMod(y + dy, h);
          double u = sx * Math.cos(angle) + sy * Math.sin(angle);
          double v = contrast * colour * Math.sin(freq * u + phase) + 0.3 * r.nextGaussian();
          out[pos * shape.size() + c * h * w + y * w + x] = (float) v;
        }
      }
    }
  }
}
