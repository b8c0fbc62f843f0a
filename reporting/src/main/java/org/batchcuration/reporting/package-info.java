/**
 * Reports of runs and ablations: PNG charts drawn with JFreeChart (headless) and self-contained
 * HTML pages that reference them by relative path.
 *
 * <p>{@link org.batchcuration.reporting.RunReport} reads a run folder ({@code metrics.jsonl},
 * {@code result.json}, {@code config.resolved.json}, optionally {@code projection2d.json}) and
 * writes {@code report.html} and {@code plots/*.png}; {@link
 * org.batchcuration.reporting.AblationReport} writes the comparison of ablation cells. Every file
 * is written to a temporary file and renamed, so readers never see a partial report. Missing
 * optional inputs leave a chart out with a note on the page.
 */
package org.batchcuration.reporting;
