package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runfolder.AtomicWrite;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk is reported in one line whose first words are not a Java class name: it says "No
 * space left on device" and names the file (exit 1, no stack trace without --verbose).
 */
class DiskFullCliTest {
  @TempDir Path dir;

  @Test
  void aFullDiskIsOneLineNamingTheCauseAndTheFile() throws Exception {
    Path cfg = Files.writeString(dir.resolve("tiny.json"), RunCommandsTest.TINY);
    Path out = dir.resolve("run");
    CliHarness r;
    AtomicWrite.simulateSpaceLeft(0);
    try {
      r = CliHarness.run(RunnerSetup.standard(), "train", cfg.toString(), "--out", out.toString());
    } finally {
      AtomicWrite.clearSimulatedSpace();
    }
    assertThat(r.code).as(r.err()).isEqualTo(1);
    String first = r.err().lines().findFirst().orElseThrow();
    assertThat(first)
        .isEqualTo(
            "error: cannot write "
                + out.toAbsolutePath().normalize().resolve("config.resolved.json")
                + ": No space left on device");
    assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.err()).isEqualTo(first + "\n(run with --verbose for details)\n");
  }
}
