package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the real CLI (standard plugins): each case exits with 2, prints one error that
 * names what and where, no stack trace, and leaves no result behind.
 */
class BadInputCliTest {
  @TempDir Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();

  static final String TINY_REST =
      """
        "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                    "grayscaleProbability": 0.0},
        "encoder": {"type": "small-cnn", "widths": [8, 16]},
        "head": {"hiddenDim": 16, "outputDim": 8},
        "curator": {"type": "none"},
        "train": {"epochs": 1, "batchSize": 8, "threads": 1, "prefetch": 1},
        "eval": {"knnK": 5, "monitorEvery": 0, "probeL2": [0.001], "probeIterations": 5,
                 "randomInitBaseline": false}
      """;

  record Case(String name, String configJson, List<String> args, String fragment) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> configCases() {
    return Stream.of(
            new Case("malformed JSON", "{\"seed\": 1,,}", List.of(), "line 1, column 12"),
            new Case("empty file", "", List.of(), "cfg.json"),
            new Case("not an object", "[1, 2]", List.of(), "cfg.json"),
            new Case(
                "wrong type", "{\"train\":{\"epochs\":\"many\"}}", List.of(), "$.train.epochs"),
            new Case("wrong type seed", "{\"seed\":\"x\"}", List.of(), "$.seed"),
            new Case("unknown top-level key", "{\"bogus\":1}", List.of(), "bogus"),
            new Case(
                "unknown curator field",
                "{\"curator\":{\"type\":\"batch-curation\",\"thresh\":1}}",
                List.of(),
                "$.curator.thresh"),
            new Case(
                "batch size out of range",
                "{\"train\":{\"batchSize\":0}}",
                List.of(),
                "$.train.batchSize"),
            new Case(
                "pool factor out of range",
                "{\"curator\":{\"type\":\"batch-curation\",\"poolFactor\":0.5}}",
                List.of(),
                "$.curator.poolFactor: must be in [1.0, 16.0], was 0.5"),
            new Case(
                "bad action",
                "{\"curator\":{\"type\":\"batch-curation\",\"action\":\"explode\"}}",
                List.of(),
                "$.curator.action"),
            new Case(
                "unknown curator",
                "{\"curator\":{\"type\":\"no-such-curator\"}}",
                List.of(),
                "Unknown curator \"no-such-curator\""),
            new Case(
                "unknown encoder",
                "{\"encoder\":{\"type\":\"vgg\"}}",
                List.of(),
                "Unknown encoder \"vgg\""),
            new Case(
                "unknown dataset",
                "{\"data\":{\"type\":\"imagenet\"}}",
                List.of(),
                "Unknown dataset"),
            new Case(
                "unknown loss", "{\"loss\":{\"type\":\"triplet\"}}", List.of(), "Unknown loss"),
            new Case(
                "unknown augmenter",
                "{\"augment\":{\"type\":\"mixup\"}}",
                List.of(),
                "Unknown augmenter"),
            new Case("bad --set", "{}", List.of("--set", "train.epochs"), "train.epochs"),
            new Case(
                "--set wrong type",
                "{}",
                List.of("--set", "train.epochs=many"),
                "--set train.epochs=many: expected an integer"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configCases")
  void badConfigsExitWithTwo(Case c) throws Exception {
    Path cfg = dir.resolve("cfg.json");
    Files.writeString(cfg, withData(c.configJson()));
    String[] args =
        Stream.concat(Stream.of("validate", cfg.toString()), c.args().stream())
            .toArray(String[]::new);
    assertBadInput(CliHarness.run(setup, args), c.fragment());
  }

  /**
   * Adds a valid data section to an object config that has none (the standard schema needs one).
   */
  private static String withData(String json) {
    String t = json.strip();
    if (!t.startsWith("{") || t.contains("\"data\"") || t.contains(",,")) {
      return json;
    }
    String rest = t.substring(1).strip();
    return "{\"data\":{\"type\":\"synthetic\"}" + (rest.equals("}") ? "}" : "," + rest);
  }

  static Stream<Arguments> dataCases() {
    return Stream.of(
            Arguments.of("missing folder", (DataWriter) d -> {}, "train-images-idx3-ubyte"),
            Arguments.of(
                "bad magic",
                (DataWriter) d -> idx(d.resolve("train-images-idx3-ubyte"), 0x0999, 2, 28, 28, 2),
                "magic"),
            Arguments.of(
                "truncated images",
                (DataWriter)
                    d -> idx(d.resolve("train-images-idx3-ubyte"), 0x0803, 100, 28, 28, 50),
                "train-images-idx3-ubyte"),
            Arguments.of(
                "absurd dimensions",
                (DataWriter)
                    d ->
                        idx(
                            d.resolve("train-images-idx3-ubyte"),
                            0x0803,
                            1_000_000_000,
                            100_000,
                            100_000,
                            0),
                "train-images-idx3-ubyte"))
        .map(a -> a);
  }

  interface DataWriter {
    void write(Path dir) throws IOException;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataCases")
  void badDataFilesExitWithTwoAndWriteNoResult(String name, DataWriter writer, String fragment)
      throws Exception {
    Path data = dir.resolve("fmnist");
    if (!name.equals("missing folder")) {
      Files.createDirectories(data);
      labels(data.resolve("train-labels-idx1-ubyte"), 2);
      writer.write(data);
    }
    Path cfg = dir.resolve("data.json");
    Files.writeString(
        cfg,
        "{\"seed\": 1, \"device\": \"cpu\", \"data\": {\"type\": \"fashion-mnist\", \"path\": \""
            + data
            + "\"},"
            + TINY_REST
            + "}");
    Path out = dir.resolve("out");
    assertBadInput(
        CliHarness.run(setup, "train", cfg.toString(), "--out", out.toString()), fragment);
    assertThat(out.resolve("result.json")).doesNotExist();
  }

  static Stream<Arguments> cliCases() {
    return Stream.of(
        Arguments.of(List.of("no-such-command"), "no-such-command"),
        Arguments.of(List.of("validate", "--no-such-option", "x.json"), "--no-such-option"),
        Arguments.of(List.of("train"), "CONFIG"),
        Arguments.of(List.of("validate", "does-not-exist.json"), "does-not-exist.json"),
        Arguments.of(List.of("bench", "warp-speed"), "unknown bench section \"warp-speed\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cliCases")
  void badArgumentsExitWithTwo(List<String> args, String fragment) throws Exception {
    assertBadInput(CliHarness.run(setup, args.toArray(String[]::new)), fragment);
  }

  private static void assertBadInput(CliHarness r, String fragment) {
    assertThat(r.code).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains(fragment).doesNotContain("\tat ");
  }

  private static void labels(Path file, int n) throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(0x0801);
      out.writeInt(n);
      out.write(new byte[n]);
    }
  }

  private static void idx(Path file, int magic, int n, int rows, int cols, int imagesWritten)
      throws IOException {
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
      out.writeInt(magic);
      out.writeInt(n);
      out.writeInt(rows);
      out.writeInt(cols);
      out.write(new byte[imagesWritten * Math.min(rows * cols, 784)]);
    }
  }
}
