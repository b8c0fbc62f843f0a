/**
 * Warnings about runs that cannot do what their config says, found from the resolved configs before
 * anything trains ({@link org.batchcuration.runner.warnings.RunWarnings}).
 */
package org.batchcuration.runner.warnings;
