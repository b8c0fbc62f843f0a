/**
 * Datasets and the two-view batch pipeline of SimCLR.
 *
 * <p>{@link org.batchcuration.datasets.TwoViewPipeline} turns a training split ({@link
 * org.batchcuration.api.ImageDataset}, 8-bit CHW) and an {@link org.batchcuration.api.Augmenter}
 * into {@link org.batchcuration.api.ViewBatch}es, prefetched on background threads and
 * deterministic under the run seed whatever the number of threads. Dataset plugins live in the
 * sub-packages {@code cifar} ({@code cifar10}, {@code cifar100}), {@code stl} ({@code stl10}),
 * {@code idx} ({@code mnist}, {@code fashion-mnist}), {@code folder} ({@code image-folder}) and
 * {@code synthetic}; augmenter plugins ({@code simclr}, {@code compose}, {@code identity}) in
 * {@code augment}; the augmentation benchmark in {@code bench}.
 */
package org.batchcuration.datasets;
