package org.batchcuration.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a run report and an ablation report in headless Chromium (when installed): the screenshot
 * must not be blank, and every image must have loaded (a missing {@code plots/*.png} fails).
 */
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

  @Test
  void ablationReportRendersWithEveryImage() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path a = FakeRun.complete(tmp.resolve("runs/random/seed-1"), 0.70, 1.1);
    Path b = FakeRun.complete(tmp.resolve("runs/none/seed-1"), 0.60, 1.0);
    RunReport.write(a);
    RunReport.write(b);
    Map<String, Object> result = Map.of("linear_top1", 0.7, "knn_top1", 0.6, "status", "completed");
    Path html =
        AblationReport.write(
            tmp.resolve("ablation"),
            List.of(
                new AblationCell(
                    "random",
                    Map.of("curator.type", "random"),
                    List.of(1L),
                    List.of(result),
                    List.of(a)),
                new AblationCell(
                    "none",
                    Map.of("curator.type", "none"),
                    List.of(1L),
                    List.of(result),
                    List.of(b))));
    assertThat(Files.readString(html)).contains("<img");
    assertThat(brokenImages(html)).isEmpty();
    BufferedImage image = Pngs.read(screenshot(html, tmp.resolve("ablation.png")));
    assertThat(Pngs.distinctColours(image)).isGreaterThan(50);
  }

  @Test
  void aMissingPlotIsABrokenImage() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    Path html = RunReport.write(run);
    assertThat(brokenImages(html)).isEmpty();
    Path plot;
    try (java.util.stream.Stream<Path> plots = Files.list(run.resolve("plots"))) {
      plot = plots.filter(p -> p.toString().endsWith(".png")).sorted().findFirst().orElseThrow();
    }
    Files.delete(plot);
    assertThat(brokenImages(html)).containsExactly("plots/" + plot.getFileName());
  }

  /**
   * The {@code src} of every image that did not load, as Chromium sees the page: a copy of the page
   * beside it, with a script that lists them once everything has loaded, dumped as DOM.
   */
  static List<String> brokenImages(Path html) throws IOException, InterruptedException {
    Path probe = html.resolveSibling(".broken-images-probe.html");
    Files.writeString(
        probe,
        Files.readString(html)
            + "<script>window.addEventListener('load', () => {"
            + " const broken = [...document.images]"
            + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));"
            + " const out = document.createElement('pre'); out.id = 'broken-images';"
            + " out.textContent = 'BROKEN[' + broken.join('|') + ']';"
            + " document.body.appendChild(out); });</script>\n");
    try {
      String dom = chromium(List.of("--virtual-time-budget=10000", "--dump-dom"), probe);
      String element = "<pre id=\"broken-images\">BROKEN[";
      int at = dom.indexOf(element);
      assertThat(at).as("the probe's result in the dumped DOM").isNotNegative();
      String list = dom.substring(at + element.length(), dom.indexOf("]</pre>", at));
      return list.isEmpty() ? List.of() : List.of(list.split("\\|"));
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  private static String chromium(List<String> args, Path html)
      throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("chromium-profile");
    List<String> cmd =
        new java.util.ArrayList<>(
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
                "--user-data-dir=" + profile));
    cmd.addAll(args);
    cmd.add(html.toUri().toString());
    Path stdout = profile.resolve("stdout.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(profile.resolve("chromium.log").toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    return Files.readString(stdout);
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
