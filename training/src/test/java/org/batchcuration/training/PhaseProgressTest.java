package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PhaseProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong();

  private void at(double seconds) {
    nanos.set((long) (seconds * 1e9));
  }

  @Test
  void onATerminalThePhaseIsAStatusWithAnEta() {
    PhaseProgress p = new PhaseProgress(new StatusLine(out, true), "evaluation: kNN", nanos::get);
    at(2);
    p.accept(0.25);
    at(4);
    p.accept(0.5);
    at(8);
    p.done();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\revaluation: kNN 25% ETA 00:00:06\u001b[K"
                + "\revaluation: kNN 50% ETA 00:00:04\u001b[K"
                + "\r\u001b[Kevaluation: kNN done in 8.0 s"
                + System.lineSeparator());
  }

  @Test
  void elsewhereAPlainLineAtMostEveryTenSecondsAndTheEnd() {
    PhaseProgress p =
        new PhaseProgress(new StatusLine(out, false), "evaluation: linear probe", nanos::get);
    at(1);
    p.accept(0.1);
    at(10);
    p.accept(0.4);
    at(15);
    p.accept(0.5);
    at(20);
    p.accept(1.0);
    at(21);
    p.done();
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "evaluation: linear probe 40% ETA 00:00:15"
                + System.lineSeparator()
                + "evaluation: linear probe done in 21.0 s"
                + System.lineSeparator());
  }
}
