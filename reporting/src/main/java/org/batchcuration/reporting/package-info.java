/** Module reporting. */
package org.batchcuration.reporting;
