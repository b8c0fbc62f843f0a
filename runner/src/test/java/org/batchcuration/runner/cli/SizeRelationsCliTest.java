package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sizes in the config that contradict the data are bad input, found through the real CLI before
 * anything is written: each exits with 2 and a message naming both numbers and the fields to
 * change, and the run folder stays empty. A run whose last partial batch is dropped says how many
 * images each epoch leaves out.
 */
class SizeRelationsCliTest {
  @TempDir Path dir;
  private final RunnerSetup setup = RunnerSetup.standard();

  private static String config(String data, String curator, String train, String eval) {
    return """
        {
          "seed": 1,
          "device": "cpu",
          "data": {"type": "synthetic", "size": 16, "channels": 1, %s},
          "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                      "grayscaleProbability": 0.0},
          "encoder": {"type": "small-cnn", "widths": [8, 16]},
          "head": {"hiddenDim": 16, "outputDim": 8},
          "curator": %s,
          "schedule": {"warmupEpochs": 0},
          "train": {"epochs": 2, "threads": 1, "prefetch": 1, %s},
          "eval": {"monitorEvery": 0, "probeL2": [0.001], "probeIterations": 5,
                   "randomInitBaseline": false, %s}
        }
        """
        .formatted(data, curator, train, eval);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of(
            "batch larger than the training split",
            config(
                "\"classes\": 4, \"trainCount\": 200, \"testCount\": 40, \"limit\": 100",
                "{\"type\": \"none\"}",
                "\"batchSize\": 256",
                "\"knnK\": 5"),
            "train.batchSize: the batch of 256 images is larger than the training split of 100"
                + " images, so a batch would hold copies of one image as each other's negatives;"
                + " set train.batchSize to at most 100 or train on more images (data.limit, or"
                + " data.trainCount for synthetic data)"),
        Arguments.of(
            "curator pool larger than the training split",
            config(
                "\"classes\": 4, \"trainCount\": 100, \"testCount\": 40",
                "{\"type\": \"batch-curation\", \"action\": \"select\", \"poolFactor\": 4.0,"
                    + " \"warmupEpochs\": 1}",
                "\"batchSize\": 32",
                "\"knnK\": 5"),
            "curator.poolFactor: the curator draws a pool of 128 candidates per batch"
                + " (curator.poolFactor x train.batchSize 32), more than the training split of 100"
                + " images; lower curator.poolFactor or train.batchSize, or train on more images"
                + " (data.limit, or data.trainCount for synthetic data)"),
        Arguments.of(
            "kNN k larger than the training split",
            config(
                "\"classes\": 4, \"trainCount\": 100, \"testCount\": 40",
                "{\"type\": \"none\"}",
                "\"batchSize\": 32",
                "\"knnK\": 200"),
            "eval.knnK: kNN with 200 neighbours needs at least as many training images, but the"
                + " training split has 100; set eval.knnK to at most 100 or train on more images"
                + " (data.limit, or data.trainCount for synthetic data)"),
        Arguments.of(
            "probe held-out part smaller than the classes",
            config(
                "\"classes\": 10, \"trainCount\": 40, \"testCount\": 20",
                "{\"type\": \"none\"}",
                "\"batchSize\": 16",
                "\"knnK\": 5, \"probeHeldOut\": 0.1"),
            "eval.probeHeldOut: the linear probe's held-out part (0.1 of the 40 training images:"
                + " 0 images) is smaller than the 10 classes it must choose the L2 penalty on;"
                + " raise eval.probeHeldOut or train on more images (data.limit, or"
                + " data.trainCount for synthetic data)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aSizeThatContradictsTheDataIsBadInputAndWritesNothing(
      String name, String json, String message) throws Exception {
    Path cfg = Files.writeString(dir.resolve("cfg.json"), json);
    Path out = dir.resolve("out");
    CliHarness r = CliHarness.run(setup, "train", cfg.toString(), "--out", out.toString());
    assertThat(r.code).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo("error: " + message + "\n(run with --verbose for details)\n")
        .doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
    if (Files.exists(out)) {
      try (Stream<Path> s = Files.list(out)) {
        assertThat(s.toList()).as("nothing written in the run folder").isEmpty();
      }
    }
  }

  @Test
  void aRunThatDropsItsLastPartialBatchSaysHowManyImagesEachEpochLeavesOut() throws Exception {
    Path cfg =
        Files.writeString(
            dir.resolve("cfg.json"),
            config(
                "\"classes\": 4, \"trainCount\": 70, \"testCount\": 20",
                "{\"type\": \"none\"}",
                "\"batchSize\": 32",
                "\"knnK\": 5"));
    Path out = dir.resolve("out");
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    CliHarness r;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      r = CliHarness.run(setup, "train", cfg.toString(), "--out", out.toString());
    } finally {
      System.setErr(original);
    }
    assertThat(r.code).as(r.err()).isZero();
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains(
            "note: each epoch trains 2 full batches of 32 and leaves out the last 6 of the 70"
                + " training images (a different 6 each epoch: the order is reshuffled)\n");
    JsonNode batching =
        Json.parse(Files.readString(out.resolve("provenance.json")), "provenance.json")
            .get("batching");
    assertThat(batching.get("train_images").intValue()).isEqualTo(70);
    assertThat(batching.get("batch_size").intValue()).isEqualTo(32);
    assertThat(batching.get("steps_per_epoch").intValue()).isEqualTo(2);
    assertThat(batching.get("images_left_out_per_epoch").intValue()).isEqualTo(6);
  }
}
