package org.batchcuration.api;

/**
 * Provider of {@link DatasetSource} plugins ({@code dataset} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.DatasetProvider}.
 *
 * @param <C> the config record
 */
public interface DatasetProvider<C extends Record> extends PluginProvider<C, DatasetSource> {}
