/**
 * Frozen-feature evaluation of learned representations, in plain Java on the heap (no DJL): the
 * weighted kNN classifier and the linear probe of the SSL literature, the 2-D PCA projection used
 * by the report, Wang and Isola's alignment and uniformity, and NumPy {@code .npy} files for
 * exporting embeddings.
 *
 * <p>FeatureRows are passed as row-major {@code float[]} arrays of {@code n x dim} values with
 * labels as {@code int[]} in {@code [0, numClasses)}. Inputs are never modified. Every method is
 * deterministic for its arguments (seeded where randomness is involved) and thread-safe; the heavy
 * ones use the common fork-join pool.
 */
package org.batchcuration.evaluation;
