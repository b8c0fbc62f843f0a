package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A child that never ends is killed at the timeout, with its descendants, and says so. */
class ChildProcessTest {
  @Test
  @Timeout(30)
  void aChildThatSleepsForeverIsKilledWithItsDescendantsAtTheTimeout() throws Exception {
    // bash prints, then waits on a sleeping grandchild that holds the output pipe open too
    List<String> cmd = List.of("bash", "-c", "echo started; sleep 1000 & wait");
    Instant started = Instant.now().minusSeconds(1);
    long t0 = System.nanoTime();
    ChildProcess.Outcome o = ChildProcess.run(cmd, Map.of(), Duration.ofSeconds(2), false);
    double seconds = (System.nanoTime() - t0) / 1e9;

    assertThat(seconds).isLessThan(15.0);
    assertThat(o.timedOut()).isTrue();
    assertThat(o.exitCode()).isEqualTo(-1);
    assertThat(o.output())
        .startsWith("started\n")
        .containsPattern(
            "\\[bench\\] bash -c echo started; sleep 1000 & wait did not finish within 2 s:"
                + " killed it \\(pid \\d+\\) and 1 descendant process\\(es\\)$");
    assertThat(
            ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").equals("sleep 1000"))
                .filter(h -> h.info().startInstant().map(started::isBefore).orElse(false))
                .filter(ProcessHandle::isAlive)
                .count())
        .as("no orphaned sleep 1000 is left")
        .isZero();
  }

  @Test
  @Timeout(30)
  void aChildThatEndsInTimeGivesItsExitCodeAndOutput() throws Exception {
    ChildProcess.Outcome o =
        ChildProcess.run(
            List.of("bash", "-c", "echo images_per_s=12.5; echo oops >&2; exit 3"),
            Map.of(),
            Duration.ofSeconds(20),
            false);
    assertThat(o.timedOut()).isFalse();
    assertThat(o.exitCode()).isEqualTo(3);
    assertThat(o.output()).contains("oops");
    assertThat(o.number("images_per_s")).contains(12.5);
  }
}
