package org.batchcuration.api;

/**
 * Provider of {@link ContrastiveLoss} plugins ({@code loss} kind). List implementations in {@code
 * META-INF/services/org.batchcuration.api.LossProvider}.
 *
 * @param <C> the config record
 */
public interface LossProvider<C extends Record> extends PluginProvider<C, ContrastiveLoss> {}
