/**
 * An example third-party curator plugin ({@code example-margin-drop}) that depends only on the
 * curation API and is tested with the curation test kit, and an example metrics sink ({@link
 * org.batchcuration.examples.LossSummarySink}) that the jar's Guice module ({@link
 * org.batchcuration.examples.LossSummaryModule}, listed in {@code
 * META-INF/services/com.google.inject.Module}) adds to every run.
 */
package org.batchcuration.examples;
