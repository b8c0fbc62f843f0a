/**
 * Pure-Java diagnostics of a batch and a curator's decision on it (similarity quantiles and
 * histograms, false-negative precision and recall, view disagreement), computed by training for
 * each step's metrics line and by the benchmarks' curation loop; reports read the numbers from the
 * run folder's files, not through this package.
 */
package org.batchcuration.api.diagnostics;
