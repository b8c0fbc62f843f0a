/**
 * The Batch Curation SPI: the extension points {@link org.batchcuration.api.Augmenter}, {@link
 * org.batchcuration.api.Encoder}, {@link org.batchcuration.api.ContrastiveLoss}, {@link
 * org.batchcuration.api.BatchCurator} and {@link org.batchcuration.api.DatasetSource}, their named
 * providers found with {@link java.util.ServiceLoader}, the {@link
 * org.batchcuration.api.PluginRegistry}, and the curation decision types.
 *
 * <p>Rules across the SPI: no nulls ({@link java.util.Optional} where absence is normal); configs
 * are immutable records validated in their constructors; NDArrays passed in are owned by the
 * caller; curators work on host {@link org.batchcuration.api.Matrix} values.
 */
package org.batchcuration.api;
