/** Examples. */
package org.batchcuration.examples;
