package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Renders a run report in headless Chromium (when installed) and checks the screenshot. */
class ChromiumRenderTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  @Test
  void reportRendersToANonBlankScreenshot() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    Path html = RunReport.write(run);
    Path shot = screenshot(html, tmp.resolve("shot.png"));
    BufferedImage image = Pngs.read(shot);
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(Pngs.distinctColours(image)).isGreaterThan(50);
    Path keep = Path.of(System.getProperty("report.screenshot.dir", "target"));
    Files.createDirectories(keep);
    Files.copy(
        shot,
        keep.resolve("run-report-screenshot.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  static Path screenshot(Path html, Path out) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    Process p =
        new ProcessBuilder(
                List.of(
                    CHROMIUM.toString(),
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--screenshot=" + out,
                    "--window-size=1280,2000",
                    html.toUri().toString()))
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    assertThat(out).as("screenshot; chromium log: %s", profile.resolve("chromium.log")).exists();
    return out;
  }
}
