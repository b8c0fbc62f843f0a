/** Module training. */
package org.batchcuration.training;
