package org.batchcuration.datasets.augment;

import java.util.List;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.PluginContext;

/** The {@code identity} augmenter: both views are the image itself (scaled, maybe normalised). */
public final class IdentityAugmenterProvider implements AugmenterProvider<IdentityConfig> {
  @Override
  public String name() {
    return "identity";
  }

  @Override
  public Class<IdentityConfig> configType() {
    return IdentityConfig.class;
  }

  @Override
  public IdentityConfig defaultConfig() {
    return IdentityConfig.defaults();
  }

  @Override
  public Augmenter create(IdentityConfig config, PluginContext context) {
    return new OpAugmenter(
        config.mean().isEmpty() ? List.of() : List.of(new Normalize(config.mean(), config.std())));
  }

  @Override
  public String description() {
    return "no augmentation: pixels / 255, optionally normalised";
  }
}
