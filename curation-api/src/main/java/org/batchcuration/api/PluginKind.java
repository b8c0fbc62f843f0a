package org.batchcuration.api;

import java.util.Locale;

/** The extension points, each with its provider interface and the config key that selects it. */
public enum PluginKind {
  AUGMENTER(AugmenterProvider.class, "augment"),
  ENCODER(EncoderProvider.class, "encoder"),
  LOSS(LossProvider.class, "loss"),
  CURATOR(CuratorProvider.class, "curator"),
  DATASET(DatasetProvider.class, "data");

  private final Class<?> providerType;
  private final String configKey;

  PluginKind(Class<?> providerType, String configKey) {
    this.providerType = providerType;
    this.configKey = configKey;
  }

  /** The provider interface that {@link java.util.ServiceLoader} looks up. */
  public Class<?> providerType() {
    return providerType;
  }

  /** The top-level key of the experiment config that holds this kind's {@code "type"}. */
  public String configKey() {
    return configKey;
  }

  /** Lower-case name: {@code augmenter}, {@code encoder}, {@code loss}, {@code curator}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
