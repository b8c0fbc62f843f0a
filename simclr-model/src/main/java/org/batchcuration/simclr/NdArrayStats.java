package org.batchcuration.simclr;

/**
 * A snapshot of native resources, for leak tests and benchmarks.
 *
 * @param openArrays NDArrays still open in the trainer's manager and its sub-managers (counted
 *     recursively through the manager tree by {@code getManagedArrays()}) (parameters, optimizer
 *     state and anything leaked by a step)
 * @param residentBytes the process's resident set size from {@code /proc/self/status}, or -1 where
 *     that file does not exist
 */
public record NdArrayStats(long openArrays, long residentBytes) {}
