package org.batchcuration.datasets.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.batchcuration.api.InvalidConfigException;

/**
 * Parses the {@code compose} augmenter's op list. Ops and parameters (defaults follow the
 * torchvision transform of the same name):
 *
 * <ul>
 *   <li>{@code random-resized-crop}: {@code size} (required), {@code scale} [0.08, 1], {@code
 *       ratio} [0.75, 1.3333]
 *   <li>{@code horizontal-flip}: {@code p} 0.5
 *   <li>{@code color-jitter}: {@code brightness}, {@code contrast}, {@code saturation} (>= 0),
 *       {@code hue} (in [0, 0.5]), all 0; {@code p} 1
 *   <li>{@code grayscale}: {@code p} 0.1
 *   <li>{@code gaussian-blur}: {@code kernel} (odd, required), {@code sigma} [0.1, 2.0], {@code p}
 *       1
 *   <li>{@code solarize}: {@code threshold} 0.5, {@code p} 0.5
 *   <li>{@code resize}: {@code size} (required)
 *   <li>{@code normalize}: {@code mean}, {@code std} (required; one value or one per channel)
 * </ul>
 *
 * Errors are {@link InvalidConfigException}s on {@code ops[i].param}.
 */
public final class ComposeSpec {
  static final List<String> OPS =
      List.of(
          "random-resized-crop",
          "horizontal-flip",
          "color-jitter",
          "grayscale",
          "gaussian-blur",
          "solarize",
          "resize",
          "normalize");

  private ComposeSpec() {}

  public static List<ImageOp> parse(List<Map<String, Object>> ops) {
    List<ImageOp> out = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      out.add(parseOne(new Params("ops[" + i + "]", ops.get(i))));
    }
    return out;
  }

  private static ImageOp parseOne(Params p) {
    String op = p.string("op");
    ImageOp result =
        switch (op) {
          case "random-resized-crop" -> {
            double[] scale = p.pair("scale", 0.08, 1.0);
            double[] ratio = p.pair("ratio", 3.0 / 4.0, 4.0 / 3.0);
            p.require(scale[0] > 0 && scale[1] <= 1, "scale", "must lie in (0, 1]");
            p.require(ratio[0] > 0, "ratio", "must be > 0");
            yield new RandomResizedCrop(p.size("size"), scale[0], scale[1], ratio[0], ratio[1], 0);
          }
          case "horizontal-flip" -> new HorizontalFlip(p.fraction("p", 0.5));
          case "color-jitter" ->
              new ColorJitter(
                  p.number("brightness", 0, 0, 10),
                  p.number("contrast", 0, 0, 10),
                  p.number("saturation", 0, 0, 10),
                  p.number("hue", 0, 0, 0.5),
                  p.fraction("p", 1.0));
          case "grayscale" -> new Grayscale(p.fraction("p", 0.1));
          case "gaussian-blur" -> {
            int k = p.size("kernel");
            p.require(k % 2 == 1, "kernel", "must be odd, was " + k);
            double[] sigma = p.pair("sigma", 0.1, 2.0);
            p.require(sigma[0] > 0, "sigma", "must be > 0");
            yield new GaussianBlur(k, sigma[0], sigma[1], p.fraction("p", 1.0));
          }
          case "solarize" -> new Solarize(p.number("threshold", 0.5, 0, 1), p.fraction("p", 0.5));
          case "resize" -> new Resize(p.size("size"));
          case "normalize" -> {
            List<Double> mean = p.list("mean");
            List<Double> std = p.list("std");
            checkNormalization(p.at("mean"), p.at("std"), mean, std);
            yield new Normalize(mean, std);
          }
          default ->
              throw new InvalidConfigException(
                  p.at("op"), "must be one of " + OPS + ", was \"" + op + "\"");
        };
    p.rejectUnused();
    return result;
  }

  /** Validates a normalisation's mean/std lists: equal non-empty lengths, std > 0. */
  static void checkNormalization(
      String meanField, String stdField, List<Double> mean, List<Double> std) {
    if (mean.isEmpty() || mean.size() > 4) {
      throw new InvalidConfigException(meanField, "must hold 1 to 4 values, has " + mean.size());
    }
    if (std.size() != mean.size()) {
      throw new InvalidConfigException(
          stdField, "must hold as many values as mean (" + mean.size() + "), has " + std.size());
    }
    for (int i = 0; i < std.size(); i++) {
      Double s = std.get(i);
      if (s == null || !(s > 0) || s.isInfinite()) {
        throw new InvalidConfigException(stdField + "[" + i + "]", "must be > 0, was " + s);
      }
      if (mean.get(i) == null || !Double.isFinite(mean.get(i))) {
        throw new InvalidConfigException(
            meanField + "[" + i + "]", "must be a finite number, was " + mean.get(i));
      }
    }
  }

  /** One op object with the keys it has consumed, for error paths and unknown-key checks. */
  private static final class Params {
    private final String path;
    private final Map<String, Object> map;
    private final Set<String> used = new TreeSet<>();

    Params(String path, Map<String, Object> map) {
      this.path = path;
      if (map == null) {
        throw new InvalidConfigException(path, "must be an object with \"op\"");
      }
      this.map = map;
    }

    String at(String key) {
      return path + "." + key;
    }

    void require(boolean ok, String key, String message) {
      if (!ok) {
        throw new InvalidConfigException(at(key), message);
      }
    }

    String string(String key) {
      used.add(key);
      Object v = map.get(key);
      if (!(v instanceof String s)) {
        throw new InvalidConfigException(at(key), v == null ? "is required" : "must be a string");
      }
      return s;
    }

    private Object get(String key) {
      used.add(key);
      return map.get(key);
    }

    int size(String key) {
      Object v = get(key);
      if (v == null) {
        throw new InvalidConfigException(at(key), "is required");
      }
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw new InvalidConfigException(at(key), "must be an integer, was " + v);
      }
      double d = n.doubleValue();
      if (d < 1 || d > org.batchcuration.api.ImageShape.MAX_SIDE) {
        throw new InvalidConfigException(
            at(key), "must be in [1, " + org.batchcuration.api.ImageShape.MAX_SIDE + "], was " + v);
      }
      return (int) d;
    }

    double number(String key, double dflt, double min, double max) {
      Object v = get(key);
      if (v == null) {
        return dflt;
      }
      if (!(v instanceof Number n)) {
        throw new InvalidConfigException(at(key), "must be a number, was " + v);
      }
      double d = n.doubleValue();
      if (!(d >= min && d <= max)) {
        throw new InvalidConfigException(
            at(key), "must be in [" + min + ", " + max + "], was " + d);
      }
      return d;
    }

    double fraction(String key, double dflt) {
      return number(key, dflt, 0, 1);
    }

    List<Double> list(String key) {
      Object v = get(key);
      if (v == null) {
        throw new InvalidConfigException(at(key), "is required");
      }
      if (!(v instanceof List<?> l)) {
        throw new InvalidConfigException(at(key), "must be a list of numbers");
      }
      List<Double> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof Number n)) {
          throw new InvalidConfigException(at(key), "must be a list of numbers, has " + o);
        }
        out.add(n.doubleValue());
      }
      return out;
    }

    double[] pair(String key, double lo, double hi) {
      if (!map.containsKey(key)) {
        used.add(key);
        return new double[] {lo, hi};
      }
      List<Double> l = list(key);
      if (l.size() != 2 || !(l.get(0) <= l.get(1))) {
        throw new InvalidConfigException(at(key), "must be [min, max] with min <= max, was " + l);
      }
      return new double[] {l.get(0), l.get(1)};
    }

    void rejectUnused() {
      for (String k : new TreeSet<>(map.keySet())) {
        if (!used.contains(k)) {
          throw new InvalidConfigException(
              at(k), "unknown parameter of op \"" + map.get("op") + "\"");
        }
      }
    }
  }
}
