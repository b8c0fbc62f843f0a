package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {
  @Test
  void elsewherePlainLinesEveryLogEveryStepsWithoutCarriageReturns() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressReporter p = new ProgressReporter(new StatusLine(out, false), 2, 2, 3);
    for (int s = 0; s < 3; s++) {
      p.step(0, s, 4.0, 100.0, s + 1, (s + 1) * 0.5);
    }
    p.step(1, 0, 3.5, 80.0, 4, 2.0);
    p.finish();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "epoch 1/2 step 2/3 step loss 4.0000 100.0 img/s ETA 00:00:02",
                "epoch 2/2 step 1/3 step loss 3.5000 80.0 img/s ETA 00:00:01",
                ""));
  }

  @Test
  void aTerminalGetsABarRedrawnInPlaceAndClearedAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ProgressReporter p = new ProgressReporter(new StatusLine(out, true), 100, 1, 2);
    p.step(0, 0, 1.0, 10.0, 1, 1.0);
    p.step(0, 1, 0.5, 10.0, 2, 2.0);
    p.finish();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\repoch 1/1 step 1/2 step loss 1.0000 10.0 img/s ETA 00:00:01\u001b[K"
                + "\repoch 1/1 step 2/2 step loss 0.5000 10.0 img/s ETA 00:00:00\u001b[K"
                + "\r\u001b[K");
  }

  @Test
  void formatsEta() {
    assertThat(ProgressReporter.formatSeconds(3725)).isEqualTo("01:02:05");
    assertThat(ProgressReporter.formatSeconds(Double.NaN)).isEqualTo("--:--:--");
  }
}
