/** The augmentation throughput benchmark (backs ./curation bench augment). */
package org.batchcuration.datasets.bench;
