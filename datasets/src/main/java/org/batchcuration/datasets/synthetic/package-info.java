/**
 * The synthetic dataset plugin: procedurally drawn shapes with class structure, for tests and smoke
 * runs.
 */
package org.batchcuration.datasets.synthetic;
