package org.batchcuration.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.datasets.augment.IdentityConfig;
import org.batchcuration.datasets.cifar.Cifar100Config;
import org.batchcuration.datasets.cifar.Cifar10Config;
import org.batchcuration.datasets.folder.ImageFolderConfig;
import org.batchcuration.datasets.idx.IdxConfig;
import org.batchcuration.datasets.stl.Stl10Config;
import org.batchcuration.datasets.synthetic.SyntheticConfig;
import org.junit.jupiter.api.Test;

/** Pins every config record's defaults and one validation message each. */
class ConfigDefaultsTest {
  @Test
  void defaults() {
    assertThat(Cifar10Config.defaults()).isEqualTo(new Cifar10Config("data/cifar10", 0));
    assertThat(Cifar100Config.defaults())
        .isEqualTo(new Cifar100Config("data/cifar100", 0, Cifar100Config.Labels.FINE));
    assertThat(Stl10Config.defaults()).isEqualTo(new Stl10Config("data/stl10", 0));
    assertThat(IdxConfig.defaults()).isEqualTo(new IdxConfig("data/mnist", 0));
    assertThat(IdxConfig.fashionDefaults())
        .isEqualTo(new IdxConfig("/usr/share/datasets/fashion-mnist", 0));
    assertThat(ImageFolderConfig.defaults())
        .isEqualTo(new ImageFolderConfig("data/images", 0, 32, 32, 3));
    assertThat(SyntheticConfig.defaults())
        .isEqualTo(new SyntheticConfig("", 0, 32, 3, 10, 5000, 1000, 12.0, 7L));
    assertThat(PipelineConfig.defaults()).isEqualTo(new PipelineConfig(0, 4));
    assertThat(IdentityConfig.defaults()).isEqualTo(new IdentityConfig(List.of(), List.of()));
  }

  @Test
  void validationNamesTheField() {
    assertThatThrownBy(() -> new Cifar10Config("x", -1))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("limit: must be >= 0, was -1");
    // labels outside the set cannot be built now that they are an enum; the binder refuses them
    // (runner ConfigEnumsTest: "$.data.labels: must be one of [fine, coarse], was \"medium\"")
    assertThatThrownBy(() -> new Cifar100Config("x", 0, null)).hasMessage("labels: is required");
    assertThatThrownBy(() -> new Stl10Config(null, 0)).hasMessage("path: is required");
    assertThatThrownBy(() -> new ImageFolderConfig("x", 0, 32, 32, 2))
        .hasMessage("channels: must be 1 or 3, was 2");
    assertThatThrownBy(() -> new SyntheticConfig("", 0, 32, 3, 10, 5, 0, 1.0, 1))
        .hasMessage("trainCount: must be >= 10, was 5");
    assertThatThrownBy(() -> new PipelineConfig(0, 0))
        .hasMessage("prefetch: must be in [1, 1024], was 0");
  }
}
