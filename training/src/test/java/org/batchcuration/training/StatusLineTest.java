package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalAStatusIsRedrawnAndClearedToTheEndOfTheLine() {
    StatusLine s = new StatusLine(out, true);
    s.show("step 1/2 a long status");
    s.show("step 2/2");
    assertThat(written()).isEqualTo("\rstep 1/2 a long status\u001b[K\rstep 2/2\u001b[K");
  }

  @Test
  void aLineAfterAStatusStandsOnItsOwnLine() {
    StatusLine s = new StatusLine(out, true);
    s.show("step 1/2");
    s.println("epoch 1/1  loss 1.0");
    s.println("checkpoint c");
    s.clear();
    assertThat(written())
        .isEqualTo(
            "\rstep 1/2\u001b[K\r\u001b[Kepoch 1/1  loss 1.0"
                + System.lineSeparator()
                + "checkpoint c"
                + System.lineSeparator());
  }

  @Test
  void elsewhereThereAreNoStatusesAndOnlyPlainLines() {
    StatusLine s = new StatusLine(out, false);
    s.show("step 1/2");
    s.println("epoch 1/1");
    s.clear();
    assertThat(written()).isEqualTo("epoch 1/1" + System.lineSeparator());
    assertThat(written()).doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void stderrIsATerminalOnlyWhenTheLauncherSaysSo() {
    assertThat(System.getProperty(StatusLine.TERMINAL_PROPERTY)).isNull();
    assertThat(StatusLine.stderr().terminal()).isFalse();
  }

  @Test
  void formatsDurations() {
    assertThat(StatusLine.duration(3725)).isEqualTo("01:02:05");
    assertThat(StatusLine.duration(Double.NaN)).isEqualTo("--:--:--");
  }
}
