package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's {@code apt_install}, taken from {@code ./curation} as it is and run by bash "as
 * root" against a stand-in {@code apt-get} that prints what Debian's prints: the screen gets one
 * line per package installed, or the failure's exit code and last lines, never apt's own output.
 */
class LauncherAptTest {
  private static final Path LAUNCHER = Path.of("..", "curation");

  /** What Debian's apt-get install prints for a package with one new dependency. */
  private static final String INSTALLED =
      String.join(
          "\n",
          "Selecting previously unselected package libtcmalloc-minimal4:amd64.",
          "(Reading database ... 45123 files and directories currently installed.)",
          "Preparing to unpack .../libtcmalloc-minimal4_2.10-1_amd64.deb ...",
          "Unpacking libtcmalloc-minimal4:amd64 (2.10-1) ...",
          "Selecting previously unselected package dataset-fashion-mnist.",
          "Unpacking dataset-fashion-mnist (0.0~git20200523.55506a9-1) ...",
          "Setting up libtcmalloc-minimal4:amd64 (2.10-1) ...",
          "Setting up dataset-fashion-mnist (0.0~git20200523.55506a9-1) ...",
          "Processing triggers for libc-bin (2.36-9+deb12u10) ...",
          "");

  @TempDir Path tmp;

  @Test
  void oneLinePerPackageInstalledAndNothingOfApts() throws Exception {
    Result r = aptInstall(INSTALLED, 0);
    assertThat(r.exit()).isZero();
    assertThat(r.stderr())
        .isEqualTo(
            "curation: Fashion-MNIST is missing; installing Debian's dataset-fashion-mnist...\n"
                + "curation: installed libtcmalloc-minimal4 2.10-1\n"
                + "curation: installed dataset-fashion-mnist 0.0~git20200523.55506a9-1\n");
    assertThat(r.stdout()).isEmpty();
    assertThat(leftoverLogs()).isZero();
  }

  @Test
  void aFailureSaysTheExitCodeAndTheLastLines() throws Exception {
    Result r =
        aptInstall(
            "Reading package lists...\nBuilding dependency tree...\n"
                + "E: Unable to locate package dataset-fashion-mnist\n",
            100);
    assertThat(r.exit()).as("the caller's own check reports what to run").isZero();
    assertThat(r.stderr())
        .isEqualTo(
            "curation: Fashion-MNIST is missing; installing Debian's dataset-fashion-mnist...\n"
                + "curation: apt-get could not install dataset-fashion-mnist (exit 100); its last"
                + " lines:\n"
                + "  Hit:1 http://deb.debian.org/debian bookworm InRelease\n"
                + "  Reading package lists...\n"
                + "  Building dependency tree...\n"
                + "  E: Unable to locate package dataset-fashion-mnist\n");
    assertThat(leftoverLogs()).isZero();
  }

  record Result(int exit, String stdout, String stderr) {}

  /**
   * Runs {@code apt_install dataset-fashion-mnist "Fashion-MNIST is missing"} from the launcher
   * with stand-ins for {@code id} (root) and {@code apt-get} (whose {@code install} prints {@code
   * output} and exits with {@code exit}) first on the PATH.
   */
  private Result aptInstall(String output, int exit) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    script(bin.resolve("id"), "echo 0");
    Files.writeString(tmp.resolve("install-output.txt"), output);
    script(
        bin.resolve("apt-get"),
        "if [ \"$1\" = update ]; then echo 'Hit:1 http://deb.debian.org/debian bookworm InRelease';"
            + " exit 0; fi\ncat '"
            + tmp.resolve("install-output.txt")
            + "'\nexit "
            + exit);
    String function =
        "set -euo pipefail\n"
            + "source <(sed -n '/^apt_install() {/,/^}/p' \"$1\")\n"
            + "apt_install dataset-fashion-mnist \"Fashion-MNIST is missing\"";
    ProcessBuilder pb =
        new ProcessBuilder("bash", "-c", function, "bash", LAUNCHER.toAbsolutePath().toString())
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .redirectError(tmp.resolve("err.txt").toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("TMPDIR", Files.createDirectories(tmp.resolve("t")).toString());
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private long leftoverLogs() throws IOException {
    try (var s = Files.list(tmp.resolve("t"))) {
      return s.count();
    }
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
