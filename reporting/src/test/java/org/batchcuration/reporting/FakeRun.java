package org.batchcuration.reporting;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Writes run folders in the format training produces (docs/internal-contracts.md). */
final class FakeRun {
  private FakeRun() {}

  /**
   * A finished run: steps (with the time split), epochs with kNN monitor, histograms, result (with
   * the random-init and pixels rows and an unrounded held-out score), config, provenance,
   * projection.
   */
  static Path complete(Path dir, double linearTop1, double lossScale) throws IOException {
    Files.createDirectories(dir);
    Random r = new Random(7);
    List<String> lines = new ArrayList<>();
    int stepsPerEpoch = 20;
    int epochs = 5;
    for (int e = 0; e < epochs; e++) {
      for (int s = 0; s < stepsPerEpoch; s++) {
        long step = (long) e * stepsPerEpoch + s;
        double loss = lossScale * (5.0 * Math.exp(-step / 40.0) + 1.0 + 0.05 * r.nextGaussian());
        lines.add(
            String.format(
                Locale.ROOT,
                "{\"kind\":\"step\",\"epoch\":%d,\"step\":%d,\"loss\":%.5f,\"lr\":%.6f,"
                    + "\"images_per_s\":812.5,\"curated_fraction\":%.4f,\"kept_pairs\":250,"
                    + "\"removed_negatives\":12,\"extra_positives\":0,\"previews\":1,"
                    + "\"redrawn_pairs\":3,\"pos_sim_q10\":%.4f,\"pos_sim_q50\":%.4f,"
                    + "\"pos_sim_q90\":%.4f,\"neg_sim_q10\":-0.2,\"neg_sim_q50\":0.01,"
                    + "\"neg_sim_q90\":0.25,\"fn_precision\":0.4,\"fn_recall\":0.1,"
                    + "\"curation_ms\":1.5,\"step_ms\":120.0,\"forward_backward_ms\":%.3f,"
                    + "\"host_ms\":%.3f,\"update_ms\":4.25,\"curator.threshold\":0.5}",
                e,
                step,
                loss,
                1e-3 * Math.cos(step / 100.0),
                0.1 + 0.02 * r.nextDouble(),
                0.3 + step / 200.0,
                0.5 + step / 200.0,
                0.7 + step / 300.0,
                100.0 + 10 * r.nextDouble(),
                12.0 + r.nextDouble()));
        if (step % 50 == 0) {
          lines.add(histogram(e, step, 0.2 + step / 200.0));
        }
      }
      lines.add(
          String.format(
              Locale.ROOT,
              "{\"kind\":\"epoch\",\"epoch\":%d,\"step\":%d,\"loss_mean\":%.4f,\"knn_top1\":%.4f,"
                  + "\"alignment\":%.4f,\"uniformity\":%.4f,\"data_wait_fraction\":0.02,"
                  + "\"epoch_seconds\":12.5,\"curated_fraction_mean\":0.11,\"skipped_steps\":0}",
              e,
              (long) (e + 1) * stepsPerEpoch,
              3.0 - 0.3 * e,
              0.3 + 0.08 * e,
              0.9 - 0.1 * e,
              -1.5 - 0.3 * e + 0.04 * e * e));
    }
    Files.write(dir.resolve("metrics.jsonl"), lines);
    Files.writeString(
        dir.resolve("result.json"),
        String.format(
            Locale.ROOT,
            "{\"linear_top1\":%.4f,\"knn_top1\":0.6789,\"random_init_linear_top1\":0.3456,"
                + "\"random_init_knn_top1\":0.2345,\"pixels_linear_top1\":0.78,"
                + "\"pixels_knn_top1\":0.75,\"linear_held_out_top1\":0.8316666666666667,"
                + "\"epochs\":5,\"steps\":100,\"train_seconds\":62.5,\"curation\":{\"curated_fraction_mean\":0.11,"
                + "\"removed_negatives_mean\":12.0},\"status\":\"completed\"}",
            linearTop1));
    Files.writeString(
        dir.resolve("config.resolved.json"),
        "{\"seed\":42,\"data\":{\"type\":\"synthetic\",\"limit\":0},"
            + "\"curator\":{\"type\":\"batch-curation\",\"space\":\"projection\","
            + "\"warmupEpochs\":1},\"train\":{\"epochs\":5,\"batchSize\":128},"
            + "\"optimizer\":{\"lr\":4.347826086956522E-5},"
            + "\"eval\":{\"probeL2\":[1e-4,1e-3]}}");
    Files.writeString(
        dir.resolve("provenance.json"),
        "{\"framework\":{\"artifact\":\"org.batchcuration:training\",\"version\":\"0.1.0\"},"
            + "\"plugins\":[{\"kind\":\"curator\",\"name\":\"batch-curation\","
            + "\"artifact\":\"org.batchcuration:curation-strategies\",\"version\":\"0.1.0\"}],"
            + "\"engine\":{\"name\":\"MXNet\",\"version\":\"1.9.0\"},\"device\":[\"cpu()\"],"
            + "\"jdk\":{\"version\":\"17.0.15\",\"vendor\":\"Debian\"},"
            + "\"os\":{\"name\":\"Linux\",\"arch\":\"amd64\"},\"cpu\":\"AMD EPYC\","
            + "\"available_processors\":2,\"seed\":42,"
            + "\"git_commit\":\"6460345ca0576fb23ca60bad7c1fc80290574dff\","
            + "\"dataset\":{\"name\":\"synthetic\"},\"start_time\":\"2026-12-08T03:40:14.493645206Z\"}");
    StringBuilder x = new StringBuilder();
    StringBuilder y = new StringBuilder();
    StringBuilder label = new StringBuilder();
    for (int i = 0; i < 600; i++) {
      int c = i % 10;
      double angle = 2 * Math.PI * c / 10;
      x.append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "%.4f", 5 * Math.cos(angle) + r.nextGaussian()));
      y.append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "%.4f", 5 * Math.sin(angle) + r.nextGaussian()));
      label.append(i == 0 ? "" : ",").append(c);
    }
    Files.writeString(
        dir.resolve("projection2d.json"),
        "{\"x\":[" + x + "],\"y\":[" + y + "],\"label\":[" + label + "]}");
    return dir;
  }

  private static String histogram(int epoch, long step, double shift) {
    int bins = 40;
    StringBuilder edges = new StringBuilder();
    StringBuilder pos = new StringBuilder();
    StringBuilder neg = new StringBuilder();
    for (int i = 0; i <= bins; i++) {
      edges
          .append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "%.3f", -1 + 2.0 * i / bins));
    }
    for (int i = 0; i < bins; i++) {
      double centre = -1 + 2.0 * (i + 0.5) / bins;
      long p = Math.round(256 * Math.exp(-Math.pow((centre - 0.3 - shift) / 0.15, 2)));
      long n = Math.round(60000 * Math.exp(-Math.pow(centre / 0.25, 2)));
      pos.append(i == 0 ? "" : ",").append(p);
      neg.append(i == 0 ? "" : ",").append(n);
    }
    return "{\"kind\":\"histogram\",\"epoch\":"
        + epoch
        + ",\"step\":"
        + step
        + ",\"space\":\"projection\",\"edges\":["
        + edges
        + "],\"positive\":["
        + pos
        + "],\"negative\":["
        + neg
        + "]}";
  }
}
