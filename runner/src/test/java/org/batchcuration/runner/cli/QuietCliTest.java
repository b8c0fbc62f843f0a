package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI in a fresh JVM, as {@code ./curation} starts it (engine start-up included): no
 * library or engine log line reaches stdout or stderr, on success or on bad input, unless {@code
 * --verbose}.
 */
class QuietCliTest {
  private static final String ENGINE =
      System.getProperty("ai.djl.default_engine", "MXNet").toLowerCase(Locale.ROOT);

  @TempDir Path dir;

  record Result(int code, String out, String err) {}

  private Result cli(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-Dai.djl.default_engine=" + System.getProperty("ai.djl.default_engine", "MXNet"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("MXNET_ENGINE_TYPE", "NaiveEngine");
    pb.redirectOutput(dir.resolve("out.txt").toFile());
    pb.redirectError(dir.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Path config(String device) throws IOException {
    Path f = dir.resolve("cfg.json");
    Files.writeString(
        f,
        "{\"engine\": \""
            + ENGINE
            + "\", \"device\": \""
            + device
            + "\", \"data\": {\"type\": \"synthetic\"},"
            + BadInputCliTest.TINY_REST
            + "}");
    return f;
  }

  private static void assertNoEngineLines(String text) {
    assertThat(text.toLowerCase(Locale.ROOT))
        .doesNotContain("djl")
        .doesNotContain("mxnet start")
        .doesNotContain("pytorch")
        .doesNotContain("warn")
        .doesNotContain(" info ");
  }

  @Test
  void validatePrintsTheDeviceAndNoEngineLine() throws Exception {
    Result r = cli("validate", config("auto").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).matches("device: (cpu|gpu:0) \\(auto; \\S+ sees (no GPU|\\d+ GPUs?)\\)\\R");
    assertNoEngineLines(r.out());
    assertNoEngineLines(r.err());
  }

  @Test
  void badInputAfterTheEngineStartedPrintsOnlyTheError() throws Exception {
    Result r = cli("validate", config("gpu:64").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .hasSize(2)
        .last()
        .isEqualTo("(run with --verbose for details)");
    assertThat(r.err()).startsWith("error: cfg.json: $.device: ");
    assertNoEngineLines(r.err());
    assertThat(r.out()).isEmpty();
    Result bad = cli("validate", config("auto").toString(), "--set", "train.epochs=x");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err())
        .isEqualTo(
            "error: --set train.epochs=x: expected an integer, got \"x\""
                + System.lineSeparator()
                + "(run with --verbose for details)"
                + System.lineSeparator());
  }

  @Test
  void verboseShowsTheLibraryLines() throws Exception {
    Result r = cli("validate", "--verbose", config("auto").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("ai.djl.");
  }
}
