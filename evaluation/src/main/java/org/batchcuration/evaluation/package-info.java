/** Module evaluation. */
package org.batchcuration.evaluation;
