package org.batchcuration.benchmarks;

import org.batchcuration.api.PluginContext;
import org.batchcuration.api.PluginProvider;

/** Creates plugins with their default configs (the bench measures defaults). */
final class Plugins {
  private Plugins() {}

  static <C extends Record, T> T createDefault(PluginProvider<C, T> provider, PluginContext ctx) {
    return provider.create(provider.defaultConfig(), ctx);
  }
}
