/** Module datasets. */
package org.batchcuration.datasets;
