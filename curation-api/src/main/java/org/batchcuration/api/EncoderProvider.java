package org.batchcuration.api;

/**
 * Provider of {@link Encoder} plugins ({@code encoder} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.EncoderProvider}.
 *
 * @param <C> the config record
 */
public interface EncoderProvider<C extends Record> extends PluginProvider<C, Encoder> {}
