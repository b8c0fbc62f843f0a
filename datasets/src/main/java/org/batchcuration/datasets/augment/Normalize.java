package org.batchcuration.datasets.augment;

import java.util.List;

/**
 * torchvision's {@code Normalize(mean, std)}, also applied in evaluation. A list of one value
 * applies to every channel; a 3-value list on a 1-channel image uses the mean of the three values
 * (so a CIFAR recipe still works on grayscale data).
 */
public final class Normalize implements ImageOp {
  private final float[][] meanByChannels = new float[5][];
  private final float[][] stdByChannels = new float[5][];

  public Normalize(List<Double> mean, List<Double> std) {
    float[] m = toFloats(mean);
    float[] s = toFloats(std);
    if (m.length != s.length || m.length == 0) {
      throw new IllegalArgumentException("mean and std must be non-empty lists of equal length");
    }
    for (int c = 1; c <= 4; c++) {
      meanByChannels[c] = channels(m, c);
      stdByChannels[c] = channels(s, c);
    }
  }

  private static float[] toFloats(List<Double> v) {
    float[] f = new float[v.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = v.get(i).floatValue();
    }
    return f;
  }

  @Override
  public void apply(Workspace ws, ViewRng rng) {
    evaluate(ws);
  }

  @Override
  public void evaluate(Workspace ws) {
    ImageOps.normalize(ws.cur, ws.c, ws.h * ws.w, meanByChannels[ws.c], stdByChannels[ws.c]);
  }

  private static float[] channels(float[] v, int c) {
    if (v.length == c) {
      return v.clone();
    }
    float avg = 0;
    for (float x : v) {
      avg += x;
    }
    avg /= v.length;
    float[] out = new float[c];
    java.util.Arrays.fill(out, avg);
    return out;
  }
}
