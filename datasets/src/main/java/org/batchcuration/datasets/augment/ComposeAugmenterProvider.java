package org.batchcuration.datasets.augment;

import org.batchcuration.api.Augmenter;
import org.batchcuration.api.AugmenterProvider;
import org.batchcuration.api.PluginContext;

/** The {@code compose} augmenter: an op list from JSON (see {@link ComposeSpec}). */
public final class ComposeAugmenterProvider implements AugmenterProvider<ComposeConfig> {
  @Override
  public String name() {
    return "compose";
  }

  @Override
  public Class<ComposeConfig> configType() {
    return ComposeConfig.class;
  }

  @Override
  public ComposeConfig defaultConfig() {
    return ComposeConfig.defaults();
  }

  @Override
  public Augmenter create(ComposeConfig config, PluginContext context) {
    return new OpAugmenter(ComposeSpec.parse(config.ops()));
  }

  @Override
  public String description() {
    return "a JSON list of ops: random-resized-crop, horizontal-flip, color-jitter, grayscale,"
        + " gaussian-blur, solarize, resize, normalize";
  }
}
