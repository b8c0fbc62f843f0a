/**
 * SimCLR on DJL: the training step ({@link org.batchcuration.simclr.SimClrTrainer}), its configs,
 * and the projection head. Sub-packages: {@code encoder} (the {@code small-cnn}, {@code resnet18},
 * {@code resnet34}, {@code resnet50} plugins), {@code loss} (the {@code nt-xent}, {@code debiased},
 * {@code hard-negative} plugins, each applying every field of a curation decision), {@code optim}
 * (LARS, Adam, AdamW, SGD with serialisable state) and {@code bench} (step throughput).
 *
 * <p>Engine-neutral: runs on DJL's MXNet (default) and PyTorch engines.
 */
package org.batchcuration.simclr;
