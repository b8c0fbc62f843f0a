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
 * must not be blank, every image must have loaded, and a report sent on its own (copied without its
 * folder) must show every image and request nothing: no file, no URL.
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
  void ablationReportRendersWithEveryImageAndRequestsNothing() throws Exception {
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
    assertThat(Pngs.externalReferences(Files.readString(html))).isEmpty();
    Probe probe = served(html);
    assertThat(probe.images()).isEqualTo(Pngs.images(Files.readString(html)).size());
    assertThat(probe.broken()).isEmpty();
    assertThat(probe.requests()).isEmpty();
    assertThat(probe.served()).containsExactly("/report.html");
    BufferedImage image = Pngs.read(screenshot(html, tmp.resolve("ablation.png")));
    assertThat(Pngs.distinctColours(image)).isGreaterThan(50);
  }

  @Test
  void aReportSentOnItsOwnShowsEveryImageAndRequestsNothing() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path run = FakeRun.complete(tmp.resolve("run"), 0.8123, 1.0);
    String page = Files.readString(RunReport.write(run));
    assertThat(Pngs.externalReferences(page)).isEmpty();
    Path sent = Files.createDirectories(tmp.resolve("mailbox")).resolve("report.html");
    Files.writeString(sent, page);
    Probe probe = served(sent);
    assertThat(probe.images()).isEqualTo(Pngs.images(page).size()).isGreaterThanOrEqualTo(9);
    assertThat(probe.broken()).isEmpty();
    assertThat(probe.requests()).isEmpty();
    assertThat(probe.served()).containsExactly("/report.html");
  }

  @Test
  void theProbeSeesABrokenImageAndItsRequest() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed");
    Path html = tmp.resolve("report.html");
    Files.writeString(
        html, "<!DOCTYPE html><html><body><img src=\"plots/missing.png\" alt=\"x\"></body></html>");
    assertThat(Pngs.externalReferences(Files.readString(html)))
        .containsExactly("plots/missing.png");
    Probe probe = served(html);
    assertThat(probe.broken()).containsExactly("plots/missing.png");
    assertThat(probe.requests()).singleElement().asString().endsWith("/plots/missing.png");
    assertThat(probe.served()).containsExactly("/report.html", "/plots/missing.png");
  }

  /**
   * What Chromium saw once the page had loaded: its images, the {@code src} of those that did not
   * load, the resources the page requested (its Resource Timing entries), and the paths the server
   * was asked for.
   */
  record Probe(int images, List<String> broken, List<String> requests, List<String> served) {}

  /**
   * Serves {@code html} (and any file beside it) over HTTP on the loopback interface, loads it in
   * headless Chromium with a script that lists the page's images, broken images and requested
   * resources once everything has loaded, and reads them from the dumped DOM. The browser's own
   * {@code /favicon.ico} is not counted among the served paths.
   */
  static Probe served(Path html) throws IOException, InterruptedException {
    Path dir = html.getParent();
    List<String> served = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    String script =
        "<script>window.addEventListener('load', () => {"
            + " const broken = [...document.images]"
            + ".filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src'));"
            + " const requests = performance.getEntriesByType('resource').map(e => e.name);"
            + " const out = document.createElement('pre'); out.id = 'render-probe';"
            + " out.textContent = 'IMAGES[' + document.images.length + ']BROKEN['"
            + " + broken.join('|') + ']REQUESTS[' + requests.join('|') + ']';"
            + " document.body.appendChild(out); });</script>\n";
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (!path.equals("/favicon.ico")) {
            served.add(path);
          }
          Path file = dir.resolve(path.substring(1)).normalize();
          byte[] body =
              file.startsWith(dir) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
          if (body != null && file.equals(html)) {
            body =
                (new String(body, java.nio.charset.StandardCharsets.UTF_8) + script)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
          }
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + html.getFileName();
      String dom = chromium(List.of("--virtual-time-budget=10000", "--dump-dom"), url);
      String element = "<pre id=\"render-probe\">";
      int at = dom.indexOf(element);
      assertThat(at).as("the probe's result in the dumped DOM").isNotNegative();
      String text = dom.substring(at + element.length(), dom.indexOf("</pre>", at));
      return new Probe(
          Integer.parseInt(between(text, "IMAGES[")),
          list(between(text, "BROKEN[")),
          list(between(text, "REQUESTS[")),
          List.copyOf(served));
    } finally {
      server.stop(0);
    }
  }

  private static String between(String text, String open) {
    int from = text.indexOf(open) + open.length();
    return text.substring(from, text.indexOf(']', from));
  }

  private static List<String> list(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split("\\|"));
  }

  private static String chromium(List<String> args, String url)
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
    cmd.add(url);
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
