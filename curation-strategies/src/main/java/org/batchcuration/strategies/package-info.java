/** Module curation-strategies. */
package org.batchcuration.strategies;
