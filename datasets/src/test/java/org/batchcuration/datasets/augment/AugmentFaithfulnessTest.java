package org.batchcuration.datasets.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each op with fixed parameters against torchvision's functional op, on vectors made by
 * src/test/python/make_augment_vectors.py (torchvision 0.14): within 1/255 per value.
 */
class AugmentFaithfulnessTest {
  private static final double TOLERANCE = 1.0 / 255;

  record Case(
      String name,
      String op,
      int inOffset,
      int c,
      int h,
      int w,
      int outOffset,
      int oc,
      int oh,
      int ow,
      double lo,
      double hi,
      Map<String, String> params) {
    @Override
    public String toString() {
      return name + " " + op + " " + params;
    }
  }

  private static byte[] blob;

  static Stream<Case> cases() throws IOException {
    List<Case> out = new ArrayList<>();
    String text = new String(resource("/augment.txt"), StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.trim().split(" ");
      Map<String, String> p = new HashMap<>();
      for (int i = 12; i < f.length; i++) {
        String[] kv = f[i].split("=", 2);
        p.put(kv[0], kv[1]);
      }
      out.add(
          new Case(
              f[0],
              f[1],
              Integer.parseInt(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4]),
              Integer.parseInt(f[5]),
              Integer.parseInt(f[6]),
              Integer.parseInt(f[7]),
              Integer.parseInt(f[8]),
              Integer.parseInt(f[9]),
              Double.parseDouble(f[10]),
              Double.parseDouble(f[11]),
              p));
    }
    assertThat(out).hasSizeGreaterThan(40);
    return out.stream();
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in =
        Objects.requireNonNull(
            AugmentFaithfulnessTest.class.getResourceAsStream(name), "test resource " + name)) {
      return in.readAllBytes();
    }
  }

  private static synchronized byte[] blob() throws IOException {
    if (blob == null) {
      blob = resource("/augment.bin");
    }
    return blob;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesTorchvision(Case k) throws IOException {
    byte[] b = blob();
    int n = k.c() * k.h() * k.w();
    float[] img = new float[n];
    for (int i = 0; i < n; i++) {
      img[i] = (b[k.inOffset() + i] & 0xff) / 255f;
    }
    float[] actual = apply(k, img);
    int on = k.oc() * k.oh() * k.ow();
    assertThat(actual.length).isGreaterThanOrEqualTo(on);
    double worst = 0;
    for (int i = 0; i < on; i++) {
      int at = k.outOffset() + 2 * i;
      int q = (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
      double expected = k.lo() + (k.hi() - k.lo()) * q / 65535.0;
      worst = Math.max(worst, Math.abs(expected - actual[i]));
    }
    assertThat(worst).as("largest difference from torchvision").isLessThanOrEqualTo(TOLERANCE);
  }

  private static float f(Case k, String key) {
    return Float.parseFloat(k.params().get(key));
  }

  private static int i(Case k, String key) {
    return Integer.parseInt(k.params().get(key));
  }

  private static float[] floats(String csv) {
    String[] s = csv.split(",");
    float[] v = new float[s.length];
    for (int j = 0; j < s.length; j++) {
      v[j] = Float.parseFloat(s[j]);
    }
    return v;
  }

  private static float[] apply(Case k, float[] d) {
    int c = k.c();
    int h = k.h();
    int w = k.w();
    int plane = h * w;
    switch (k.op()) {
      case "resized_crop" -> {
        int size = i(k, "size");
        float[] out = new float[c * size * size];
        int m = Math.max(size, w);
        ImageOps.resizedCrop(
            d,
            c,
            h,
            w,
            i(k, "top"),
            i(k, "left"),
            i(k, "height"),
            i(k, "width"),
            out,
            size,
            size,
            i(k, "flip") == 1,
            new int[m],
            new int[m],
            new float[m],
            new float[m]);
        return out;
      }
      case "hflip" -> ImageOps.hflip(d, c, h, w);
      case "brightness" -> ImageOps.adjustBrightness(d, c * plane, f(k, "factor"));
      case "contrast" -> ImageOps.adjustContrast(d, c, plane, f(k, "factor"));
      case "saturation" -> ImageOps.adjustSaturation(d, c, plane, f(k, "factor"));
      case "hue" -> ImageOps.adjustHue(d, c, plane, f(k, "factor"));
      case "grayscale" -> ImageOps.toGrayscale(d, c, plane);
      case "gaussian_blur" -> {
        int kernel = i(k, "kernel");
        ImageOps.gaussianBlur(
            d,
            c,
            h,
            w,
            kernel,
            f(k, "sigma"),
            new float[kernel],
            new float[Math.max(h, w) + kernel]);
      }
      case "solarize" -> ImageOps.solarize(d, c * plane, f(k, "threshold"));
      case "normalize" ->
          ImageOps.normalize(
              d, c, plane, floats(k.params().get("mean")), floats(k.params().get("std")));
      default -> throw new AssertionError("unknown op " + k.op());
    }
    return d;
  }
}
