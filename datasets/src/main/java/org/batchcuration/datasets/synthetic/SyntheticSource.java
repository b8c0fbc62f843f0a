package org.batchcuration.datasets.synthetic;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.augment.ImageOps;
import org.batchcuration.datasets.io.ImageStore;
import org.batchcuration.datasets.io.InMemoryDataset;

/**
 * Draws the synthetic dataset. Image {@code i} of a split has label {@code i % classes} and is a
 * pure function of (seed, split, i). Class {@code k}: shape {@code k % 5} (disk, square, triangle,
 * bar, ring), orientation from {@code k / 5}, a fixed hue; per image: position, scale, small hue
 * and rotation jitter, a random dark background gradient and Gaussian pixel noise.
 */
final class SyntheticSource implements DatasetSource {
  private static final int SHAPES = 5;
  private final SyntheticConfig config;

  SyntheticSource(SyntheticConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  public Set<Split> splits() {
    return config.testCount() > 0 ? Set.of(Split.TRAIN, Split.TEST) : Set.of(Split.TRAIN);
  }

  @Override
  public ImageDataset load(Split split) {
    if (!splits().contains(split)) {
      throw new IllegalArgumentException("synthetic has no split " + split.id());
    }
    int n = split == Split.TRAIN ? config.trainCount() : config.testCount();
    ImageShape shape = new ImageShape(config.channels(), config.size(), config.size());
    byte[][] images = new byte[n][];
    IntStream.range(0, n).parallel().forEach(i -> images[i] = draw(split, i, shape));
    ImageStore.Builder store = new ImageStore.Builder(shape.size());
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      store.add(images[i], 0);
      labels[i] = i % config.classes();
    }
    List<String> names = IntStream.range(0, config.classes()).mapToObj(k -> "class" + k).toList();
    InMemoryDataset data =
        new InMemoryDataset(
            "synthetic", split, shape, store.build(), labels, config.classes(), names, Map.of());
    return split == Split.TRAIN ? data.limit(config.limit()) : data;
  }

  private byte[] draw(Split split, int index, ImageShape shape) {
    int k = index % config.classes();
    SplittableRandom rnd =
        new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + split.ordinal() * 1_000_003L)
            .split();
    rnd = new SplittableRandom(rnd.nextLong() ^ (index * 0xBF58476D1CE4E5B9L));
    int s = shape.height();
    int shapeType = k % SHAPES;
    int orientations = (config.classes() + SHAPES - 1) / SHAPES;
    double angle = Math.PI * (k / SHAPES) / orientations + rnd.nextDouble(-0.12, 0.12);
    double hue = (k * 0.618033988749895) % 1.0 + rnd.nextDouble(-0.03, 0.03);
    double[] fg = hsvToRgb(hue, 0.7 + 0.25 * rnd.nextDouble(), 0.8 + 0.2 * rnd.nextDouble());
    double[] bg0 = {rnd.nextDouble(50), rnd.nextDouble(50), rnd.nextDouble(50)};
    double[] bg1 = {rnd.nextDouble(50), rnd.nextDouble(50), rnd.nextDouble(50)};
    double radius = s * (0.22 + 0.13 * rnd.nextDouble());
    double cx = radius + rnd.nextDouble() * Math.max(1e-6, s - 2 * radius);
    double cy = radius + rnd.nextDouble() * Math.max(1e-6, s - 2 * radius);
    double cos = Math.cos(angle);
    double sin = Math.sin(angle);
    byte[] out = new byte[shape.size()];
    int plane = shape.planeSize();
    double[] px = new double[3];
    for (int y = 0; y < s; y++) {
      for (int x = 0; x < s; x++) {
        double dx = (x + 0.5 - cx) / radius;
        double dy = (y + 0.5 - cy) / radius;
        double u = cos * dx + sin * dy;
        double v = -sin * dx + cos * dy;
        boolean inside = inside(shapeType, u, v);
        double t = (x + y) / (2.0 * s);
        for (int c = 0; c < 3; c++) {
          px[c] = inside ? 255 * fg[c] : bg0[c] * (1 - t) + bg1[c] * t;
          px[c] += config.noise() * gaussian(rnd);
        }
        if (shape.channels() == 1) {
          out[y * s + x] = clamp(ImageOps.luma((float) px[0], (float) px[1], (float) px[2]));
        } else {
          for (int c = 0; c < 3; c++) {
            out[c * plane + y * s + x] = clamp(px[c]);
          }
        }
      }
    }
    return out;
  }

  private static boolean inside(int shapeType, double u, double v) {
    return switch (shapeType) {
      case 0 -> u * u + v * v <= 1; // disk
      case 1 -> Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8; // square
      case 2 -> v >= -0.7 && v <= 0.9 && Math.abs(u) <= (0.9 - v) * 0.6; // triangle
      case 3 -> Math.abs(u) <= 1 && Math.abs(v) <= 0.3; // bar
      default -> {
        double r2 = u * u + v * v;
        yield r2 <= 1 && r2 >= 0.36; // ring
      }
    };
  }

  private static double gaussian(SplittableRandom rnd) {
    // Irwin-Hall approximation: cheap and deterministic
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += rnd.nextDouble();
    }
    return (sum - 2.0) * Math.sqrt(3.0);
  }

  private static double[] hsvToRgb(double h, double s, double v) {
    double hh = ((h % 1.0) + 1.0) % 1.0 * 6.0;
    int i = (int) Math.floor(hh) % 6;
    double f = hh - Math.floor(hh);
    double p = v * (1 - s);
    double q = v * (1 - s * f);
    double t = v * (1 - s * (1 - f));
    return switch (i) {
      case 0 -> new double[] {v, t, p};
      case 1 -> new double[] {q, v, p};
      case 2 -> new double[] {p, v, t};
      case 3 -> new double[] {p, q, v};
      case 4 -> new double[] {t, p, v};
      default -> new double[] {v, p, q};
    };
  }

  private static byte clamp(double v) {
    return (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
  }
}
