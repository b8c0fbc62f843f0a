package org.batchcuration.api;

/**
 * Provider of {@link Augmenter} plugins ({@code augmenter} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.AugmenterProvider}.
 *
 * @param <C> the config record
 */
public interface AugmenterProvider<C extends Record> extends PluginProvider<C, Augmenter> {}
