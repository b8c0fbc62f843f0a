/**
 * Pure-Java diagnostics of a batch and a curator's decision on it (similarity quantiles and
 * histograms, false-negative precision and recall, view disagreement), shared by training and
 * reporting.
 */
package org.batchcuration.api.diagnostics;
