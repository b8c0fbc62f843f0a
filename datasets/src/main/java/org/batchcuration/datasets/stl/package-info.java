/** The stl10 dataset plugin (binary version; the 2.7 GB unlabeled split is held in chunks). */
package org.batchcuration.datasets.stl;
