package org.batchcuration.api;

import ai.djl.nn.Block;

/**
 * The network {@code f} that maps a batch of views {@code (N, C, H, W)} (float32) to
 * representations {@code h} of shape {@code (N, representationDim())}.
 *
 * <p>The runner owns the block: it initialises it, puts it in a DJL model, and closes the model.
 * The encoder object itself holds no native memory until the block is initialised.
 */
public interface Encoder {

  /** The DJL block; uninitialised when returned. */
  Block block();

  /** Width of the representation {@code h}. */
  int representationDim();

  /** The view shape this encoder was built for. */
  ImageShape inputShape();
}
