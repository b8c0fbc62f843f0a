/**
 * Augmentation over float planes: torchvision-faithful ops (ImageOps), random ops (ImageOp), the
 * op-list augmenter (OpAugmenter) and the simclr, compose and identity plugins. Views are pure
 * functions of the pixels and a SplitMix64 seed.
 */
package org.batchcuration.datasets.augment;
