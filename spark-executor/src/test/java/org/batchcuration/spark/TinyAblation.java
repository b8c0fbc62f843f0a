package org.batchcuration.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny ablation on the synthetic dataset: two cells, real (seconds-long) training runs. */
final class TinyAblation {
  static final String BASE =
      """
      {
        "seed": 1,
        "device": "cpu",
        "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4,
                 "trainCount": 96, "testCount": 48},
        "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25],
                    "grayscaleProbability": 0.0},
        "encoder": {"type": "small-cnn", "widths": [8, 16]},
        "head": {"hiddenDim": 16, "outputDim": 8},
        "curator": {"type": "none"},
        "schedule": {"warmupEpochs": 0},
        "train": {"epochs": 2, "batchSize": 32, "threads": 1, "prefetch": 1,
                  "checkpointEvery": 1},
        "eval": {"knnK": 5, "monitorEvery": 0, "probeL2": [0.001], "probeIterations": 10,
                 "randomInitBaseline": false}
      }
      """;

  static final String ABLATION =
      "{\"base\": \"tiny.json\", \"cells\": [{\"name\": \"none\", \"set\": {}},"
          + " {\"name\": \"random\", \"set\": {\"curator\": {\"type\": \"random\","
          + " \"fraction\": 0.25, \"warmupEpochs\": 0}}}], \"seeds\": [3, 4]}";

  private TinyAblation() {}

  /** Writes {@code tiny.json} and {@code abl.json} (with {@code extra} fields) into {@code dir}. */
  static Path write(Path dir, String extra) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("tiny.json"), BASE);
    String text = extra.isEmpty() ? ABLATION : ABLATION.replaceFirst("^\\{", "{" + extra + ", ");
    return Files.writeString(dir.resolve("abl.json"), text);
  }
}
