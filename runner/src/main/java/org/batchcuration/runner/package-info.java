/** Module runner. */
package org.batchcuration.runner;
