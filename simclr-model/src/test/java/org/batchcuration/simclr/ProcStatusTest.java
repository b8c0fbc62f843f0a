package org.batchcuration.simclr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ProcStatusTest {
  @Test
  void readsTheResidentSetInBytesAndMinusOneForAFieldThatIsNotThere() {
    Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "Linux only");
    long rss = ProcStatus.bytes("VmRSS:");
    long anon = ProcStatus.bytes("RssAnon:");
    assertThat(rss).isPositive().isEqualTo(rss / 1024 * 1024);
    assertThat(anon).isPositive().isLessThanOrEqualTo(rss + (64L << 20));
    assertThat(ProcStatus.bytes("NoSuchField:")).isEqualTo(-1);
  }
}
