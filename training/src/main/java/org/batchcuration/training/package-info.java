/**
 * The training run: the loop around {@code SimClrTrainer} and the run folder it writes.
 *
 * <p>Entry point: {@link org.batchcuration.training.TrainingRun} ({@code run}, {@code evaluate},
 * {@code embed}) with a {@link org.batchcuration.training.TrainingSpec} of already created plugins.
 * A run folder holds {@code config.resolved.json}, {@code provenance.json}, {@code metrics.jsonl}
 * (one JSON object per line: {@code step}, {@code epoch} and {@code histogram} lines; undefined
 * values omitted), {@code checkpoints/} ({@code ckpt-<step>.bin} + {@code latest}, the latest two
 * kept), {@code result.json}, {@code projection2d.json}, {@code model/} (the encoder in DJL format)
 * and the report. Every file is written atomically (temp file in the same folder, fsync, rename);
 * {@code metrics.jsonl} is appended line by line and truncated on resume to the length the
 * checkpoint recorded, so a resumed run's files equal an uninterrupted run's (timings aside).
 *
 * <p>Errors: {@link org.batchcuration.training.RunFolderException} (bad input: a folder that holds
 * a run for a fresh start, a resume without a run or with another config, a damaged checkpoint),
 * {@link org.batchcuration.training.NonFiniteLossException} and {@link
 * org.batchcuration.training.PluginFailureException} (naming the plugin's class and jar).
 */
package org.batchcuration.training;
