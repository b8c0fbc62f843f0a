/** Module simclr-model. */
package org.batchcuration.simclr;
