package org.batchcuration.runner.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.batchcuration.api.diagnostics.SimilarityHistogram;
import org.batchcuration.training.EpochEvent;
import org.batchcuration.training.EvaluationEvent;
import org.batchcuration.training.HistogramEvent;
import org.batchcuration.training.StepEvent;
import org.batchcuration.training.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event files read back: by a decoder of the TFRecord framing and the three messages here, and,
 * when the system property {@value #PYTHON} names a Python with the {@code tensorboard} package
 * ({@code .ci/run} makes one), by TensorBoard's own {@code EventAccumulator}.
 */
class TensorBoardListenerTest {
  static final String PYTHON = "batchcuration.tensorboard.python";

  @TempDir Path run;

  /** One scalar read back. */
  record Scalar(String tag, long step, float value) {}

  /** One histogram read back: its HistogramProto fields. */
  record Histo(
      String tag,
      long step,
      double min,
      double max,
      double num,
      double sum,
      double sumSquares,
      List<Double> bucketLimit,
      List<Double> bucket) {}

  /** Every record of an event file after the version record. */
  record Records(List<Scalar> scalars, List<Histo> histograms) {}

  /** Edges -1, -0.5, 0, 0.5, 1: positives in [0, 0.5) x 3 and [0.5, 1] x 1; negatives 2, 5. */
  static final SimilarityHistogram HISTOGRAM =
      new SimilarityHistogram(
          new double[] {-1, -0.5, 0, 0.5, 1}, new long[] {0, 0, 3, 1}, new long[] {2, 5, 0, 0});

  private Path writeARun() {
    List<String> passedOn = new ArrayList<>();
    TrainingListener next =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            passedOn.add("step " + e.step());
          }

          @Override
          public void onHistogram(HistogramEvent e) {
            passedOn.add("histogram " + e.step());
          }
        };
    try (TensorBoardListener tb = new TensorBoardListener(run, next)) {
      for (long s = 0; s < 3; s++) {
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("loss", 5.0 - s);
        stats.put("curated_fraction", 0.25);
        stats.put("pos_sim_p50", 0.5 + 0.1 * s);
        tb.onStep(new StepEvent(0, s, 3, 5.0 - s, 0.001 * (s + 1), 100.0 + s, stats));
        if (s == 2) {
          tb.onHistogram(new HistogramEvent(0, s, "projection", HISTOGRAM));
        }
      }
      tb.onEpoch(new EpochEvent(0, 3, 4.0, Map.of("knn_top1", 0.42, "epoch_seconds", 1.5)));
      tb.onEvaluation(new EvaluationEvent("monitor", 1, Map.of("knn_top1", 0.42)));
      tb.onEvaluation(
          new EvaluationEvent("final", 1, Map.of("linear_top1", 0.75, "knn_top1", 0.5)));
    }
    assertThat(passedOn).containsExactly("step 0", "step 1", "step 2", "histogram 2");
    return run.resolve("tb");
  }

  @Test
  void everyScalarIsWrittenWithItsStepInValidRecords() throws Exception {
    Path tb = writeARun();
    List<Path> files;
    try (Stream<Path> s = Files.list(tb)) {
      files = s.toList();
    }
    assertThat(files).hasSize(1);
    assertThat(files.get(0).getFileName().toString()).startsWith("events.out.tfevents.");
    List<Scalar> scalars = read(files.get(0)).scalars();
    assertThat(scalars)
        .contains(
            new Scalar("step/loss", 0, 5.0f),
            new Scalar("step/loss", 2, 3.0f),
            new Scalar("step/lr", 1, 0.002f),
            new Scalar("step/images_per_s", 2, 102.0f),
            new Scalar("step/curated_fraction", 1, 0.25f),
            new Scalar("step/pos_sim_p50", 2, 0.7f),
            new Scalar("epoch/knn_top1", 3, 0.42f),
            new Scalar("epoch/loss_mean", 3, 4.0f),
            new Scalar("eval/linear_top1", 3, 0.75f),
            new Scalar("eval/knn_top1", 3, 0.5f));
    assertThat(scalars).hasSize(3 * 5 + 3 + 2);
  }

  @Test
  void oneTagPerMetricNamedAfterItsKeyInMetricsJsonl() throws Exception {
    Path tb = writeARun();
    List<Scalar> scalars = read(onlyFile(tb)).scalars();
    assertThat(scalars.stream().filter(s -> s.step() == 0).map(Scalar::tag))
        .containsExactlyInAnyOrder(
            "step/loss",
            "step/lr",
            "step/images_per_s",
            "step/curated_fraction",
            "step/pos_sim_p50");
    // each (tag, step) once: no metric under two names
    assertThat(scalars.stream().map(s -> s.tag() + "@" + s.step())).doesNotHaveDuplicates();
  }

  @Test
  void aStepLineWithItsOwnThroughputGivesItOneTag() throws Exception {
    try (TensorBoardListener tb = new TensorBoardListener(run, TrainingListener.NONE)) {
      Map<String, Double> stats = new LinkedHashMap<>();
      stats.put("loss", 2.0);
      stats.put("lr", 0.01);
      stats.put("images_per_s", 812.5);
      tb.onStep(new StepEvent(0, 7, 10, 2.0, 0.01, 812.5, stats));
    }
    assertThat(read(onlyFile(run.resolve("tb"))).scalars())
        .containsExactlyInAnyOrder(
            new Scalar("step/loss", 7, 2.0f),
            new Scalar("step/lr", 7, 0.01f),
            new Scalar("step/images_per_s", 7, 812.5f));
  }

  @Test
  void theSimilarityHistogramsAreHistogramRecords() throws Exception {
    List<Histo> histos = read(onlyFile(writeARun())).histograms();
    // positives: bins [0, 0.5) x 3 and [0.5, 1] x 1 (the empty ones left out); centres 0.25, 0.75
    // negatives: bins [-1, -0.5) x 2 and [-0.5, 0) x 5; centres -0.75, -0.25
    assertThat(histos)
        .containsExactly(
            new Histo(
                "similarity/projection/positive_pairs",
                2,
                0,
                1,
                4,
                3 * 0.25 + 0.75,
                3 * 0.0625 + 0.5625,
                List.of(0.5, 1.0),
                List.of(3.0, 1.0)),
            new Histo(
                "similarity/projection/negative_pairs",
                2,
                -1,
                0,
                7,
                2 * -0.75 + 5 * -0.25,
                2 * 0.5625 + 5 * 0.0625,
                List.of(-0.5, 0.0),
                List.of(2.0, 5.0)));
  }

  @Test
  void anEmptyHistogramWritesNothing() throws Exception {
    try (TensorBoardListener tb = new TensorBoardListener(run, TrainingListener.NONE)) {
      tb.onHistogram(
          new HistogramEvent(
              0,
              0,
              "projection",
              new SimilarityHistogram(
                  new double[] {-1, 0, 1}, new long[] {0, 0}, new long[] {0, 1})));
    }
    assertThat(read(onlyFile(run.resolve("tb"))).histograms())
        .extracting(Histo::tag)
        .containsExactly("similarity/projection/negative_pairs");
  }

  private static Path onlyFile(Path tb) throws IOException {
    try (Stream<Path> s = Files.list(tb)) {
      List<Path> files = s.toList();
      assertThat(files).hasSize(1);
      return files.get(0);
    }
  }

  @Test
  void aRunWithoutEventsWritesNoFolder() {
    new TensorBoardListener(run, new TrainingListener() {}).close();
    assertThat(run.resolve("tb")).doesNotExist();
  }

  @Test
  void tensorBoardItselfReadsTheFile() throws Exception {
    String python = System.getProperty(PYTHON, "");
    assumeThat(python).as("a Python with tensorboard (" + PYTHON + ")").isNotEmpty();
    Path tb = writeARun();
    String script =
        String.join(
            "\n",
            "import sys",
            "from tensorboard.backend.event_processing.event_accumulator import EventAccumulator",
            "a = EventAccumulator(sys.argv[1], size_guidance={'scalars': 0, 'histograms': 0})",
            "a.Reload()",
            "for tag in sorted(a.Tags()['scalars']):",
            "    for e in a.Scalars(tag):",
            "        print(tag, e.step, round(e.value, 4))",
            "for tag in sorted(a.Tags()['histograms']):",
            "    for e in a.Histograms(tag):",
            "        h = e.histogram_value",
            "        print('histogram', tag, e.step, h.num, h.min, h.max, list(h.bucket))");
    Process p =
        new ProcessBuilder(python, "-c", script, tb.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines())
        .contains(
            "step/loss 0 5.0",
            "step/loss 2 3.0",
            "step/lr 1 0.002",
            "step/curated_fraction 1 0.25",
            "epoch/knn_top1 3 0.42",
            "eval/linear_top1 3 0.75",
            "step/images_per_s 2 102.0",
            "histogram similarity/projection/positive_pairs 2 4.0 0.0 1.0 [3.0, 1.0]",
            "histogram similarity/projection/negative_pairs 2 7.0 -1.0 0.0 [2.0, 5.0]");
    assertThat(out).doesNotContain("images_per_second");
  }

  /**
   * Every scalar and histogram in {@code file}; fails on a bad length or CRC, a first event not a
   * version, or a summary value that is neither.
   */
  static Records read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    List<Scalar> scalars = new ArrayList<>();
    List<Histo> histos = new ArrayList<>();
    boolean first = true;
    while (b.hasRemaining()) {
      byte[] len = new byte[8];
      b.get(len);
      assertThat(b.getInt()).isEqualTo(EventFile.maskedCrc(len));
      long n = ByteBuffer.wrap(len).order(ByteOrder.LITTLE_ENDIAN).getLong();
      byte[] data = new byte[(int) n];
      b.get(data);
      assertThat(b.getInt()).isEqualTo(EventFile.maskedCrc(data));
      Map<Integer, Object> event = fields(data);
      if (first) {
        assertThat(new String((byte[]) event.get(3), StandardCharsets.UTF_8))
            .isEqualTo("brain.Event:2");
        first = false;
        continue;
      }
      Map<Integer, Object> value = fields((byte[]) fields((byte[]) event.get(5)).get(1));
      String tag = new String((byte[]) value.get(1), StandardCharsets.UTF_8);
      long step = (Long) event.get(2);
      if (value.containsKey(2)) {
        scalars.add(new Scalar(tag, step, (Float) value.get(2)));
      } else {
        assertThat(value).as("a scalar or a histogram").containsKey(5);
        Map<Integer, Object> h = fields((byte[]) value.get(5));
        histos.add(
            new Histo(
                tag,
                step,
                (Double) h.get(1),
                (Double) h.get(2),
                (Double) h.get(3),
                (Double) h.get(4),
                (Double) h.get(5),
                packedDoubles((byte[]) h.get(6)),
                packedDoubles((byte[]) h.get(7))));
      }
    }
    return new Records(scalars, histos);
  }

  private static List<Double> packedDoubles(byte[] packed) {
    ByteBuffer b = ByteBuffer.wrap(packed).order(ByteOrder.LITTLE_ENDIAN);
    List<Double> out = new ArrayList<>();
    while (b.hasRemaining()) {
      out.add(b.getDouble());
    }
    return out;
  }

  /** The fields of one message (the last of a repeated field), by number. */
  private static Map<Integer, Object> fields(byte[] message) {
    ByteBuffer b = ByteBuffer.wrap(message).order(ByteOrder.LITTLE_ENDIAN);
    Map<Integer, Object> out = new LinkedHashMap<>();
    while (b.hasRemaining()) {
      long key = varint(b);
      int field = (int) (key >>> 3);
      switch ((int) (key & 7)) {
        case 0 -> out.put(field, varint(b));
        case 1 -> out.put(field, b.getDouble());
        case 5 -> out.put(field, b.getFloat());
        case 2 -> {
          byte[] v = new byte[(int) varint(b)];
          b.get(v);
          out.put(field, v);
        }
        default -> throw new AssertionError("wire type " + (key & 7));
      }
    }
    return out;
  }

  private static long varint(ByteBuffer b) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      byte x = b.get();
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
  }
}
