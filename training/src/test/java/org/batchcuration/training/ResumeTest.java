package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.batchcuration.runfolder.RunJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run cancelled and resumed ends with the same weights, curator state and metrics as an
 * uninterrupted run (bit for bit on the CPU with MXNet's NaiveEngine; timings aside).
 */
class ResumeTest {
  /** Wall-clock values and resident memory, which differ between any two runs. */
  private static final Set<String> TIMINGS =
      Set.of(
          "images_per_s",
          "curation_ms",
          "step_ms",
          "forward_backward_ms",
          "host_ms",
          "update_ms",
          "epoch_seconds",
          "data_wait_fraction",
          "rss_mb",
          "train_seconds");

  @TempDir Path tmp;

  @Test
  void cancelledMidEpochAndResumedEqualsUninterrupted() throws Exception {
    Path straight = tmp.resolve("straight");
    assertThat(
            TrainingRun.run(
                    TinyRuns.spec(2),
                    straight,
                    RunMode.FRESH,
                    TrainingListener.NONE,
                    new CancellationToken())
                .completed())
        .isTrue();

    Path resumed = tmp.resolve("resumed");
    CancellationToken cancel = new CancellationToken();
    TrainingListener cancelAtStep11 =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            if (e.step() == 11) {
              cancel.cancel();
            }
          }
        };
    RunOutcome first =
        TrainingRun.run(TinyRuns.spec(2), resumed, RunMode.FRESH, cancelAtStep11, cancel);
    assertThat(first.completed()).isFalse();
    assertThat(first.result())
        .containsEntry("status", "cancelled")
        .containsEntry("epoch", 1)
        .containsEntry("steps", 12L);
    assertThat(resumed.resolve("checkpoints/ckpt-12.bin")).isRegularFile();
    assertThat(resumed.resolve("checkpoints/ckpt-8.bin")).isRegularFile();
    assertThat(resumed.resolve("result.json")).doesNotExist();
    // a crash after the checkpoint leaves extra lines; the resume truncates them
    Files.writeString(
        resumed.resolve("metrics.jsonl"),
        "{\"kind\":\"step\",\"epoch\":1,\"step\":12,\"loss\":99}\n",
        java.nio.file.StandardOpenOption.APPEND);

    RunOutcome second =
        TrainingRun.run(
            TinyRuns.spec(2),
            resumed,
            RunMode.RESUME,
            TrainingListener.NONE,
            new CancellationToken());
    assertThat(second.completed()).isTrue();

    assertThat(withoutTimings(Files.readAllLines(resumed.resolve("metrics.jsonl"))))
        .isEqualTo(withoutTimings(Files.readAllLines(straight.resolve("metrics.jsonl"))));
    assertThat(withoutTimings(List.of(Files.readString(resumed.resolve("result.json")))))
        .isEqualTo(withoutTimings(List.of(Files.readString(straight.resolve("result.json")))));
    Checkpoint a = CheckpointStore.read(straight.resolve("checkpoints/ckpt-16.bin"));
    Checkpoint b = CheckpointStore.read(resumed.resolve("checkpoints/ckpt-16.bin"));
    assertThat(b.trainerState()).isEqualTo(a.trainerState());
    assertThat(b.curatorState()).isEqualTo(a.curatorState());
    assertThat(b.totals().runCuratedSum).isEqualTo(a.totals().runCuratedSum);
    assertThat(b.totals().epochLossSum).isEqualTo(a.totals().epochLossSum);
    assertThat(Files.readAllBytes(resumed.resolve("model/encoder-0000.params")))
        .isEqualTo(Files.readAllBytes(straight.resolve("model/encoder-0000.params")));
    JsonNode provenance = RunJson.read(resumed.resolve("provenance.json"));
    assertThat(provenance.path("resumes").size()).isEqualTo(1);
  }

  static List<JsonNode> withoutTimings(List<String> lines) {
    return lines.stream()
        .map(
            l -> {
              ObjectNode n = (ObjectNode) RunJson.parse(l, "line");
              n.remove(TIMINGS);
              return (JsonNode) n;
            })
        .toList();
  }
}
