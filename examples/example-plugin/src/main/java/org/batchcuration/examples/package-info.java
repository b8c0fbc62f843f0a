/**
 * An example third-party curator plugin ({@code example-margin-drop}) that depends only on the
 * curation API and is tested with the curation test kit.
 */
package org.batchcuration.examples;
