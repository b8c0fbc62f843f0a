/**
 * The runner: turns an experiment's JSON config into plugins (through a Guice injector), runs
 * training, evaluation, embedding and ablations, and offers the {@code ./curation} command line and
 * an embeddable Java API ({@link org.batchcuration.runner.api}).
 */
package org.batchcuration.runner;
