package org.batchcuration.datasets.augment;

import org.batchcuration.api.Augmenter;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.PluginContext;

/** The {@code simclr} augmenter: SimCLR's CIFAR augmentation recipe (see {@link SimClrConfig}). */
public final class SimClrAugmenterProvider implements AugmenterProvider<SimClrConfig> {
  @Override
  public String name() {
    return "simclr";
  }

  @Override
  public Class<SimClrConfig> configType() {
    return SimClrConfig.class;
  }

  @Override
  public SimClrConfig defaultConfig() {
    return SimClrConfig.defaults();
  }

  @Override
  public Augmenter create(SimClrConfig config, PluginContext context) {
    return new OpAugmenter(config.ops());
  }

  @Override
  public String description() {
    return "SimCLR's CIFAR recipe: crop, flip, colour jitter (s), grayscale, normalise";
  }
}
