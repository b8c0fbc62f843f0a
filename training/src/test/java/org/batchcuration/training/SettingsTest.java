package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void trainDefaultsArePinned() {
    assertThat(TrainSettings.defaults())
        .isEqualTo(new TrainSettings(10, 256, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 50, false));
    // label diagnostics only every histogramEvery steps unless asked
    assertThat(TrainSettings.defaults().labelDiagnosticsEveryStep()).isFalse();
  }

  @Test
  void labelDiagnosticsFollowTheHistogramStepsUnlessAskedForEveryStep() {
    TrainSettings every5 = new TrainSettings(1, 8, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 5);
    assertThat(every5.labelDiagnosticsAt(0)).isTrue();
    assertThat(every5.labelDiagnosticsAt(3)).isFalse();
    assertThat(every5.labelDiagnosticsAt(10)).isTrue();
    TrainSettings never = new TrainSettings(1, 8, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 0);
    assertThat(never.labelDiagnosticsAt(0)).isFalse();
    TrainSettings asked = new TrainSettings(1, 8, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 0, true);
    assertThat(asked.labelDiagnosticsAt(3)).isTrue();
  }

  @Test
  void evalDefaultsArePinned() {
    assertThat(EvalSettings.defaults())
        .isEqualTo(
            new EvalSettings(
                200, 0.1, 1, 10_000, 0, 0.1, List.of(1e-5, 1e-4, 1e-3, 1e-2, 1e-1), 100, true));
  }

  @Test
  void badTrainValuesNameTheField() {
    assertThatThrownBy(() -> new TrainSettings(1, 1, 0, 4, 10, 1, NonFinitePolicy.STOP, 10, 50))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage("batchSize: must be >= 2, was 1");
    // a policy outside the set cannot be built now that it is an enum; the binder refuses it
    // (runner ConfigEnumsTest: "$.train.nonFinite: must be one of [stop, skip], was \"ignore\"")
    assertThatThrownBy(() -> new TrainSettings(1, 8, 0, 4, 10, 1, null, 10, 50))
        .hasMessage("nonFinite: is required");
    assertThatThrownBy(() -> new TrainSettings(0, 8, 0, 4, 10, 1, NonFinitePolicy.SKIP, 10, 50))
        .hasMessage("epochs: must be >= 1, was 0");
  }

  @Test
  void badEvalValuesNameTheField() {
    assertThatThrownBy(() -> new EvalSettings(0, 0.1, 1, 10, 0, 0.1, List.of(1e-3), 10, true))
        .hasMessage("knnK: must be >= 1, was 0");
    assertThatThrownBy(() -> new EvalSettings(5, 0.1, 1, 10, 0, 0.1, List.of(), 10, true))
        .hasMessage("probeL2: must hold at least one value");
    assertThatThrownBy(() -> new EvalSettings(5, 0.1, 1, 10, 0, 0.1, List.of(1e-3, 0.0), 10, true))
        .hasMessage("probeL2[1]: must be > 0, was 0.0");
    assertThatThrownBy(() -> new EvalSettings(5, 0.0, 1, 10, 0, 0.1, List.of(1e-3), 10, true))
        .hasMessage("knnTemperature: must be > 0, was 0.0");
  }

  @Test
  void testLimitCapsTheTestSplit() {
    EvalSettings e = new EvalSettings(5, 0.1, 1, 10, 30, 0.1, List.of(1e-3), 10, true);
    assertThat(e.testCount(100)).isEqualTo(30);
    assertThat(e.testCount(20)).isEqualTo(20);
    assertThat(EvalSettings.defaults().testCount(100)).isEqualTo(100);
  }
}
