package org.batchcuration.api;

/**
 * Provider of {@link BatchCurator} plugins ({@code curator} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.CuratorProvider}.
 *
 * @param <C> the config record
 */
public interface CuratorProvider<C extends Record> extends PluginProvider<C, BatchCurator> {}
