/**
 * The runner's SLF4J provider: library log lines (DJL, the engines' native start-up messages,
 * Spark) go to the run folder's {@code engine.log}, and to stderr only with {@code --verbose}.
 */
package org.batchcuration.runner.logging;
