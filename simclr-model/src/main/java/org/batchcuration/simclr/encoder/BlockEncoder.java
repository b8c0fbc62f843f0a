package org.batchcuration.simclr.encoder;

import ai.djl.nn.Block;
import java.util.Objects;
import org.batchcuration.api.Checks;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;

/**
 * An {@link Encoder} made of a DJL block that ends in global average pooling and a flatten, so its
 * output is {@code (N, representationDim)}.
 *
 * @param block the uninitialised block; the trainer initialises and owns it
 * @param representationDim width of the pooled features
 * @param inputShape the view shape the block was built for
 */
public record BlockEncoder(Block block, int representationDim, ImageShape inputShape)
    implements Encoder {
  public BlockEncoder {
    Objects.requireNonNull(block, "block");
    Checks.atLeast("representationDim", representationDim, 1);
    Objects.requireNonNull(inputShape, "inputShape");
  }
}
