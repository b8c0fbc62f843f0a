/** Module curation-testkit. */
package org.batchcuration.testkit;
