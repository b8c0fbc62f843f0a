package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.batchcuration.training.CheckpointEvent;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.StatusLine;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void epochAndCheckpointLinesClearTheBarFirst() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StatusLine status = new StatusLine(stream, true);
    Progress p = new Progress(new PrintWriter(stream, true), 2, status);
    status.show("epoch 1/2 step 3/3 loss 1.0000 a long bar");
    p.onEpoch(new EpochEvent(0, 3, 1.5, Map.of("epoch_seconds", 2.0)));
    p.onEvaluation(
        new EvaluationEvent(
            "final", 2, Map.of("linear_top1", 0.747, "linear_held_out_top1", 0.7933333333333333)));
    p.onCheckpoint(new CheckpointEvent(1, 3, Path.of("c.bin")));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\repoch 1/2 step 3/3 loss 1.0000 a long bar\u001b[K\r\u001b[K"
                + "epoch 1/2  step 3  epoch mean loss 1.5000  (2.0 s)"
                + System.lineSeparator()
                + "evaluation final: linear_held_out_top1 0.7933 linear_top1 0.7470"
                + System.lineSeparator()
                + "checkpoint c.bin"
                + System.lineSeparator());
  }

  @Test
  void withoutATerminalTheLinesArePlain() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    StatusLine status = new StatusLine(stream, false);
    Progress p = new Progress(new PrintWriter(stream, true), 0, status);
    status.show("bar");
    p.line("run    cell 1/2, seed 1/3: runs/a/none/seed-0 (ablation ETA --:--:--)");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "run    cell 1/2, seed 1/3: runs/a/none/seed-0 (ablation ETA --:--:--)"
                + System.lineSeparator());
  }
}
