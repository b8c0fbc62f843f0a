package org.batchcuration.simclr;

import org.batchcuration.api.Checks;

/**
 * The projection head {@code g}: {@code Linear(hiddenDim) -> [BatchNorm] -> ReLU ->
 * Linear(outputDim)}, mapping representations {@code h} to projections {@code z}.
 *
 * <p>Defaults follow SimCLR (Chen et al. 2020): a two-layer MLP with a 512-wide hidden layer for
 * ResNet-18-sized encoders (SimCLR uses the representation width; 512 for ResNet-18), 128 outputs,
 * batch norm in the hidden layer (SimCLR v1's TF code uses it).
 *
 * @param hiddenDim width of the hidden layer, at least 1
 * @param outputDim width of the projection {@code z}, at least 1
 * @param batchNorm whether the hidden layer has batch norm
 */
public record HeadConfig(int hiddenDim, int outputDim, boolean batchNorm) {
  public HeadConfig {
    Checks.atLeast("hiddenDim", hiddenDim, 1);
    Checks.atLeast("outputDim", outputDim, 1);
  }

  /** SimCLR's defaults: 512, 128, batch norm. */
  public static HeadConfig defaults() {
    return new HeadConfig(512, 128, true);
  }
}
