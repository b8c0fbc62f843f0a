/** An example of embedding the runner's Java API ({@link org.batchcuration.runner.api}). */
package org.batchcuration.examples.embedding;
