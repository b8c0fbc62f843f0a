package org.batchcuration.runner.testplugins;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;

/** A plugin-contributed Guice module, listed in META-INF/services/com.google.inject.Module. */
public final class GreetingModule extends AbstractModule {
  /** The binding's name. */
  public static final String NAME = "test-plugin.greeting";

  @Override
  protected void configure() {
    bind(String.class).annotatedWith(Names.named(NAME)).toInstance("hello from a plugin module");
  }
}
