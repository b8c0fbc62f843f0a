package org.batchcuration.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.batchcuration.api.CodeOrigin;
import org.batchcuration.api.ImageDataset;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.Split;
import org.batchcuration.datasets.PipelineConfig;
import org.batchcuration.datasets.TwoViewPipeline;
import org.batchcuration.evaluation.Npy;
import org.batchcuration.runfolder.RunJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One fresh two-epoch run, checked file by file against the run-folder contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrainingRunTest {
  @TempDir static Path tmp;
  Path runDir;
  RunOutcome outcome;
  final List<String> events = new ArrayList<>();
  final List<HistogramEvent> histogramEvents = new ArrayList<>();

  @BeforeAll
  void run() {
    runDir = tmp.resolve("run");
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onStep(StepEvent e) {
            events.add("step " + e.step());
          }

          @Override
          public void onHistogram(HistogramEvent e) {
            events.add("histogram " + e.step());
            histogramEvents.add(e);
          }

          @Override
          public void onEpoch(EpochEvent e) {
            events.add("epoch " + e.epoch());
          }

          @Override
          public void onEvaluation(EvaluationEvent e) {
            events.add("evaluation " + e.name() + " " + e.metrics().keySet());
          }

          @Override
          public void onCheckpoint(CheckpointEvent e) {
            events.add("checkpoint " + e.file().getFileName());
          }
        };
    outcome =
        TrainingRun.run(TinyRuns.spec(2), runDir, RunMode.FRESH, listener, new CancellationToken());
  }

  @Test
  void completesAndWritesEveryFileOfTheContract() {
    assertThat(outcome.completed()).isTrue();
    for (String name :
        List.of(
            "config.resolved.json",
            "provenance.json",
            "metrics.jsonl",
            "checkpoints/latest",
            "checkpoints/ckpt-16.bin",
            "checkpoints/ckpt-8.bin",
            "result.json",
            "projection2d.json",
            "model/encoder-0000.params",
            "report.html")) {
      assertThat(runDir.resolve(name)).as(name).isRegularFile();
    }
    try (var s = Files.list(runDir)) {
      assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void configIsThePrettyResolvedConfig() throws Exception {
    JsonNode config = RunJson.read(runDir.resolve("config.resolved.json"));
    assertThat(config.path("train").path("epochs").asInt()).isEqualTo(2);
    assertThat(Files.readString(runDir.resolve("config.resolved.json")))
        .contains("\n  \"seed\" : 11");
  }

  @Test
  void provenanceRecordsWhereTheRunCameFrom() {
    JsonNode p = RunJson.read(runDir.resolve("provenance.json"));
    assertThat(p.path("engine").path("name").asText()).isEqualTo("MXNet");
    assertThat(p.path("engine").path("version").asText()).isNotBlank();
    assertThat(p.path("device").get(0).asText()).isEqualTo("cpu()");
    assertThat(p.path("seed").asLong()).isEqualTo(TinyRuns.SEED);
    assertThat(p.path("available_processors").asInt()).isPositive();
    assertThat(p.path("jdk").path("version").asText())
        .isEqualTo(System.getProperty("java.version"));
    List<String> arguments = new ArrayList<>();
    p.path("jdk").path("arguments").forEach(a -> arguments.add(a.asText()));
    assertThat(arguments).isEqualTo(ManagementFactory.getRuntimeMXBean().getInputArguments());
    assertThat(p.path("framework").path("artifact").asText()).isNotBlank();
    assertThat(p.path("start_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(p.has("dataset_checksums")).isTrue();
    assertThat(p.path("engine_environment").isObject()).isTrue();
    JsonNode plugin = p.path("plugins").get(0);
    assertThat(plugin.path("kind").asText()).isEqualTo("curator");
    assertThat(plugin.path("name").asText()).isEqualTo("test-curator");
    assertThat(plugin.path("class").asText()).isEqualTo(TinyRuns.DroppingCurator.class.getName());
    assertThat(plugin.path("jar").asText())
        .isEqualTo(CodeOrigin.of(TinyRuns.DroppingCurator.class).location());
  }

  @Test
  void metricsFollowTheContract() throws Exception {
    List<String> lines = Files.readAllLines(runDir.resolve("metrics.jsonl"));
    assertThat(String.join("\n", lines)).doesNotContain("NaN").doesNotContain("Infinity");
    List<JsonNode> steps = new ArrayList<>();
    List<JsonNode> epochs = new ArrayList<>();
    List<JsonNode> histograms = new ArrayList<>();
    for (String line : lines) {
      JsonNode n = RunJson.parse(line, "line");
      switch (n.get("kind").asText()) {
        case "step" -> steps.add(n);
        case "epoch" -> epochs.add(n);
        case "histogram" -> histograms.add(n);
        default -> throw new AssertionError(line);
      }
    }
    assertThat(steps).hasSize(16);
    assertThat(steps.stream().map(n -> n.get("step").asLong()))
        .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L);
    JsonNode second = steps.get(1);
    for (String key :
        List.of(
            "loss",
            "lr",
            "images_per_s",
            "curated_fraction",
            "kept_pairs",
            "removed_negatives",
            "extra_positives",
            "previews",
            "redrawn_pairs",
            "pos_sim_q10",
            "pos_sim_q50",
            "pos_sim_q90",
            "neg_sim_q10",
            "neg_sim_q50",
            "neg_sim_q90",
            "curation_ms",
            "step_ms",
            "forward_backward_ms",
            "host_ms",
            "update_ms",
            "curator.calls")) {
      assertThat(second.has(key)).as(key).isTrue();
    }
    // the dropping curator drops one pair of 8 on odd calls
    assertThat(steps.get(0).get("curated_fraction").asDouble()).isZero();
    assertThat(second.get("curated_fraction").asDouble()).isEqualTo(1.0 / 8);
    assertThat(second.get("kept_pairs").asDouble()).isEqualTo(7.0);
    assertThat(epochs).hasSize(2);
    for (JsonNode e : epochs) {
      for (String key :
          List.of(
              "loss_mean",
              "knn_top1",
              "alignment",
              "uniformity",
              "data_wait_fraction",
              "epoch_seconds",
              "curated_fraction_mean",
              "skipped_steps",
              "open_ndarrays",
              "rss_mb")) {
        assertThat(e.has(key)).as(key).isTrue();
      }
      assertThat(e.get("rss_mb").asDouble()).isPositive();
      assertThat(e.get("curated_fraction_mean").asDouble()).isEqualTo(4.0 / 8 / 8);
    }
    double meanLoss =
        steps.subList(8, 16).stream().mapToDouble(n -> n.get("loss").asDouble()).sum() / 8;
    assertThat(epochs.get(1).get("loss_mean").asDouble()).isCloseTo(meanLoss, within(1e-12));
    assertThat(epochs.get(1).get("step").asLong()).isEqualTo(16);
    // histogramEvery = 5: steps 0, 5, 10, 15
    assertThat(histograms.stream().map(n -> n.get("step").asLong()))
        .containsExactly(0L, 5L, 10L, 15L);
    // the view-disagreement diagnostic runs on the histogram steps: step 0 flags nothing, step 5
    // (an odd call of the dropping curator) flags one pair
    JsonNode step0 = steps.get(0);
    JsonNode step5 = steps.get(5);
    assertThat(step0.has("flagged_view_disagreement")).isFalse();
    assertThat(step0.get("unflagged_view_disagreement").asDouble()).isBetween(0.0, 1.0);
    assertThat(step5.get("flagged_view_disagreement").asDouble()).isIn(0.0, 1.0);
    assertThat(step5.get("unflagged_view_disagreement").asDouble()).isBetween(0.0, 1.0);
    assertThat(steps.get(1).has("unflagged_view_disagreement")).isFalse();
    // so do the false-negative scores (train.labelDiagnosticsEveryStep is false)
    assertThat(step5.has("fn_recall")).isTrue();
    assertThat(steps.get(1).has("fn_recall")).isFalse();
    assertThat(steps.get(1).has("fn_precision")).isFalse();
    // the step split: forward/backward and update are parts of the step, host work is the rest
    for (JsonNode st : steps) {
      double fb = st.get("forward_backward_ms").asDouble();
      double update = st.get("update_ms").asDouble();
      assertThat(fb).isPositive();
      assertThat(update).isPositive();
      assertThat(st.get("host_ms").asDouble()).isPositive();
      assertThat(fb + update).isLessThanOrEqualTo(st.get("step_ms").asDouble() + 1e-6);
    }
    // the listener gets each histogram line, with the same counts
    assertThat(histogramEvents).hasSameSizeAs(histograms);
    for (int i = 0; i < histograms.size(); i++) {
      JsonNode line = histograms.get(i);
      HistogramEvent e = histogramEvents.get(i);
      assertThat(e.step()).isEqualTo(line.get("step").asLong());
      assertThat(e.epoch()).isEqualTo(line.get("epoch").asInt());
      assertThat(e.space()).isEqualTo(line.get("space").asText());
      assertThat(RunJson.mapper().convertValue(line.get("positive"), long[].class))
          .isEqualTo(e.histogram().positive());
      assertThat(RunJson.mapper().convertValue(line.get("negative"), long[].class))
          .isEqualTo(e.histogram().negative());
      assertThat(RunJson.mapper().convertValue(line.get("edges"), double[].class))
          .isEqualTo(e.histogram().edges());
    }
    JsonNode h = histograms.get(0);
    assertThat(h.get("edges").size()).isEqualTo(h.get("positive").size() + 1);
    long positives = 0;
    for (JsonNode c : h.get("positive")) {
      positives += c.asLong();
    }
    assertThat(positives).isPositive();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  @Test
  void resultHasTheFinalEvaluationAndTheCurationSummary() {
    Map<String, Object> r = RunJson.readMap(runDir.resolve("result.json"));
    assertThat(r)
        .containsEntry("status", "completed")
        .containsEntry("epochs", 2)
        .containsEntry("steps", 16);
    for (String key :
        List.of(
            "knn_top1",
            "linear_top1",
            "random_init_knn_top1",
            "random_init_linear_top1",
            "pixels_knn_top1",
            "pixels_linear_top1")) {
      assertThat(((Number) r.get(key)).doubleValue()).as(key).isBetween(0.0, 1.0);
    }
    // the synthetic 16 x 16 x 3 images are small enough for eval.pixelsBaseline = auto
    assertThat(r).containsEntry("eval_split", "test").containsEntry("eval_images", 32);
    assertThat(((Number) r.get("train_seconds")).doubleValue()).isPositive();
    @SuppressWarnings("unchecked")
    Map<String, Object> curation = (Map<String, Object>) r.get("curation");
    assertThat(((Number) curation.get("curated_fraction_mean")).doubleValue()).isEqualTo(0.5 / 8);
    assertThat(curation).containsEntry("skipped_steps", 0);
    assertThat(RunJson.parse(RunJson.line(outcome.result()), "outcome"))
        .isEqualTo(RunJson.read(runDir.resolve("result.json")));
  }

  @Test
  void projectionHoldsOnePointPerTestImage() {
    JsonNode p = RunJson.read(runDir.resolve("projection2d.json"));
    assertThat(p.get("x").size()).isEqualTo(TinyRuns.TEST_COUNT);
    assertThat(p.get("y").size()).isEqualTo(TinyRuns.TEST_COUNT);
    assertThat(p.get("label").size()).isEqualTo(TinyRuns.TEST_COUNT);
  }

  @Test
  void listenerSeesStepsHistogramsEpochsEvaluationsAndCheckpoints() {
    assertThat(events.stream().filter(e -> e.startsWith("step "))).hasSize(16);
    assertThat(events)
        .containsSubsequence(
            "step 5",
            "histogram 5",
            "step 6",
            "step 7",
            "evaluation monitor [knn_top1]",
            "epoch 0",
            "checkpoint ckpt-8.bin",
            "step 8",
            "step 15",
            "evaluation monitor [knn_top1]",
            "epoch 1",
            "checkpoint ckpt-16.bin");
    assertThat(events.get(events.size() - 2)).startsWith("evaluation random_init");
    assertThat(events.get(events.size() - 1)).startsWith("evaluation pixels");
  }

  @Test
  void aFreshRunIntoTheSameFolderIsRefused() {
    assertThatThrownBy(
            () ->
                TrainingRun.run(
                    TinyRuns.spec(2),
                    runDir,
                    RunMode.FRESH,
                    TrainingListener.NONE,
                    new CancellationToken()))
        .isInstanceOf(org.batchcuration.runfolder.RunExistsException.class)
        .hasMessage(
            runDir.toAbsolutePath().normalize()
                + " already holds a run (config.resolved.json exists); nothing was changed:"
                + " continue it with --resume "
                + runDir.toAbsolutePath().normalize()
                + ", choose another folder with --out DIR, or replace it with --overwrite");
  }

  @Test
  void evaluateReproducesTheFinalScores() throws Exception {
    Map<String, Object> before = RunJson.readMap(runDir.resolve("result.json"));
    Files.delete(runDir.resolve("result.json"));
    Map<String, Object> again = TrainingRun.evaluate(TinyRuns.spec(2), runDir);
    assertThat(again.get("knn_top1")).isEqualTo(before.get("knn_top1"));
    assertThat(again.get("linear_top1")).isEqualTo(before.get("linear_top1"));
    assertThat(again.get("random_init_knn_top1")).isEqualTo(before.get("random_init_knn_top1"));
    assertThat(again.get("pixels_linear_top1")).isEqualTo(before.get("pixels_linear_top1"));
    assertThat(again.get("curation")).isEqualTo(before.get("curation"));
    assertThat(RunJson.readMap(runDir.resolve("result.json"))).isEqualTo(again);
  }

  @Test
  void embedWritesTheSplitAndTheExportedModelLoadsWithCriteria() throws Exception {
    Path run = runDir;
    TrainingSpec spec = TinyRuns.spec(2);

    Path out = tmp.resolve("out/test.npy");
    TrainingRun.embed(spec, run, Split.TEST, out);
    assertThat(Npy.header(out).shape()).containsExactly(TinyRuns.TEST_COUNT, 16);
    float[] h = Npy.readFloat(out);
    int[] labels = Npy.readInt(tmp.resolve("out/test.labels.npy"));
    ImageDataset test = spec.data().load(Split.TEST);
    assertThat(labels).hasSize(TinyRuns.TEST_COUNT);
    for (int i = 0; i < TinyRuns.TEST_COUNT; i++) {
      assertThat(labels[i]).isEqualTo(test.label(i));
    }
    assertThat(Files.readAllLines(tmp.resolve("out/test.classes.txt")))
        .isEqualTo(test.classNames())
        .containsExactly("class0", "class1", "class2", "class3");
    assertThat(Files.readString(runDir.resolve("projection2d.json")))
        .contains("\"classNames\":[\"class0\",\"class1\",\"class2\",\"class3\"]");

    ImageShape shape = new ImageShape(3, TinyRuns.SIDE, TinyRuns.SIDE);
    Criteria<NDList, NDList> criteria =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(run.resolve("model"))
            .optModelName("encoder")
            .optBlock(TinyRuns.encoder(shape).block())
            .optEngine("MXNet")
            .build();
    float[] images;
    try (TwoViewPipeline p =
        new TwoViewPipeline(
            spec.data().load(Split.TRAIN), spec.augmenter(), new PipelineConfig(1, 1), 0)) {
      images = p.evalImages(test, 0, 8);
    }
    try (ZooModel<NDList, NDList> model = criteria.loadModel();
        Predictor<NDList, NDList> predictor = model.newPredictor();
        NDManager manager = NDManager.newBaseManager()) {
      NDList result =
          predictor.predict(
              new NDList(manager.create(images, new Shape(8, 3, TinyRuns.SIDE, TinyRuns.SIDE))));
      float[] viaDjl = result.singletonOrThrow().toFloatArray();
      assertThat(viaDjl).hasSize(8 * 16);
      for (int i = 0; i < viaDjl.length; i++) {
        assertThat(viaDjl[i])
            .as("value %d", i)
            .isCloseTo(h[i], org.assertj.core.data.Offset.offset(1e-4f));
      }
    }
  }
}
