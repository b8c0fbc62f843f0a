package org.batchcuration.simclr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.StepInfo;
import org.batchcuration.simclr.loss.DebiasedConfig;
import org.batchcuration.simclr.loss.HardNegativeConfig;
import org.batchcuration.simclr.loss.NtXentConfig;
import org.batchcuration.simclr.optim.OptimizerType;
import org.junit.jupiter.api.Test;

class ConfigsTest {
  @Test
  void defaultsArePinned() {
    assertThat(HeadConfig.defaults()).isEqualTo(new HeadConfig(512, 128, true));
    assertThat(OptimizerConfig.defaults())
        .isEqualTo(
            new OptimizerConfig(OptimizerType.ADAM, 1e-3, 0.0, 0.9, 0.9, 0.999, 1e-8, 0.001));
    assertThat(ScheduleConfig.defaults())
        .isEqualTo(new ScheduleConfig(ScheduleConfig.Type.COSINE, 10, 0.0));
    assertThat(NtXentConfig.defaults()).isEqualTo(new NtXentConfig(0.5));
    assertThat(DebiasedConfig.defaults()).isEqualTo(new DebiasedConfig(0.5, 0.1));
    assertThat(HardNegativeConfig.defaults()).isEqualTo(new HardNegativeConfig(0.5, 0.1, 1.0));
  }

  @Test
  void badValuesNameTheField() {
    // a type outside the set cannot be built now that it is an enum; the binder refuses it
    // (runner ConfigEnumsTest: "$.optimizer.type: must be one of [lars, adam, adamw, sgd], ...")
    assertThatThrownBy(() -> OptimizerConfig.defaults().withType(null))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("type: is required");
    assertThatThrownBy(
            () -> new OptimizerConfig(OptimizerType.SGD, 0.1, 0, 1.0, 0.9, 0.999, 1e-8, 0.001))
        .hasMessage("momentum: must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> new HeadConfig(0, 128, true))
        .hasMessage("hiddenDim: must be >= 1, was 0");
    assertThatThrownBy(() -> new NtXentConfig(0.01))
        .hasMessage("temperature: must be in [0.025, 100], was 0.01");
    assertThatThrownBy(() -> new DebiasedConfig(0.5, 1.0))
        .hasMessage("tauPlus: must be in [0, 1), was 1.0");
    assertThatThrownBy(() -> new HardNegativeConfig(0.05, 0.1, 2.0))
        .hasMessageStartingWith("beta: (1 + beta) * 2 / temperature must be <= 80.0");
    // (runner ConfigEnumsTest: "$.schedule.type: must be one of [cosine, constant], was \"step\"")
    assertThatThrownBy(() -> new ScheduleConfig(null, 0, 0)).hasMessage("type: is required");
  }

  @Test
  void scheduleWarmsUpLinearlyThenDecaysByCosine() {
    ScheduleConfig s = new ScheduleConfig(ScheduleConfig.Type.COSINE, 1, 0.1);
    // 10 steps per epoch, 3 epochs: warm-up steps 0..9, cosine over steps 10..29
    assertThat(s.factor(new StepInfo(0, 0, 0, 10, 3))).isCloseTo(0.1, within(1e-12));
    assertThat(s.factor(new StepInfo(0, 9, 9, 10, 3))).isCloseTo(1.0, within(1e-12));
    assertThat(s.factor(new StepInfo(1, 10, 0, 10, 3))).isCloseTo(1.0, within(1e-12));
    assertThat(s.factor(new StepInfo(2, 20, 0, 10, 3))).isCloseTo(0.55, within(1e-12));
    assertThat(
            new ScheduleConfig(ScheduleConfig.Type.CONSTANT, 0, 0)
                .factor(new StepInfo(2, 25, 5, 10, 3)))
        .isEqualTo(1.0);
  }
}
