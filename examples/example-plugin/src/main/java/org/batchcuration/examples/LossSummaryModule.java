package org.batchcuration.examples;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.batchcuration.api.MetricsSink;

/**
 * The Guice module that adds {@link LossSummarySink} to every run's metrics sinks. The jar lists it
 * in {@code META-INF/services/com.google.inject.Module}; the runner installs every module so listed
 * into the run's injector. The provider makes a new sink per run (the set is unscoped).
 */
public final class LossSummaryModule extends AbstractModule {
  @Override
  protected void configure() {
    Multibinder.newSetBinder(binder(), MetricsSink.class)
        .addBinding()
        .toProvider(LossSummarySink::new);
  }
}
