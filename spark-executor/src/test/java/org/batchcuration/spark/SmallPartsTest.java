package org.batchcuration.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.batchcuration.api.InvalidConfigException;
import org.junit.jupiter.api.Test;

/** Settings, fault injection and GPU placement: the parts that need no Spark job. */
class SmallPartsTest {
  private static final SparkJob JOB =
      new SparkJob("none", 3, "tiny.json [cell none, seed 3]", "{}", "/tmp/abl/none/seed-3");

  @Test
  void localMastersGetTheRetryCountSparkIgnoresInLocalModeOtherwise() {
    assertThat(SparkSettings.localWithRetries("local[2]", 4)).isEqualTo("local[2,4]");
    assertThat(SparkSettings.localWithRetries("local[*]", 3)).isEqualTo("local[*,3]");
    assertThat(SparkSettings.localWithRetries("local", 2)).isEqualTo("local[1,2]");
    assertThat(SparkSettings.localWithRetries("local[2,5]", 4)).isEqualTo("local[2,5]");
    assertThat(SparkSettings.localWithRetries("yarn", 4)).isEqualTo("yarn");
    assertThat(SparkSettings.localWithRetries("spark://h:7077", 4)).isEqualTo("spark://h:7077");
  }

  @Test
  void theConfHasTheMasterTheRetriesAndTheExtraProperties() {
    var c =
        SparkSettings.defaults()
            .withMaster("local[2]")
            .with("spark.task.resource.gpu.amount", "1")
            .toConf();
    assertThat(c.get("spark.master")).isEqualTo("local[2,4]");
    assertThat(c.get("spark.task.maxFailures")).isEqualTo("4");
    assertThat(c.get("spark.task.resource.gpu.amount")).isEqualTo("1");
    assertThat(c.get("spark.app.name")).isEqualTo("batch-curation ablation");
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> new SparkSettings(Optional.empty(), 0, "a", Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("maxFailures");
    assertThatThrownBy(() -> SparkSettings.defaults().withMaster(" "))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("master");
  }

  @Test
  void withoutAMasterTheConfSaysHowToGiveOne() {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("spark.master") == null);
    assertThatThrownBy(() -> SparkSettings.defaults().toConf())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no Spark master: pass --master (e.g. local[2], yarn, spark://host:7077) or run under"
                + " spark-submit");
  }

  @Test
  void faultInjectionFiresOnlyOnTheFirstAttemptOfItsRunAtItsCheckpoint() {
    FaultInjection f = FaultInjection.parse("none/seed-3@2").orElseThrow();
    assertThat(f).isEqualTo(new FaultInjection("none/seed-3", 2));
    assertThat(f.fires(JOB, 0, 2)).isTrue();
    assertThat(f.fires(JOB, 0, 1)).isFalse();
    assertThat(f.fires(JOB, 1, 2)).isFalse();
    assertThat(FaultInjection.parse("random/seed-3").orElseThrow().fires(JOB, 0, 1)).isFalse();
    assertThat(FaultInjection.parse("none/seed-3").orElseThrow().afterCheckpoints()).isEqualTo(1);
    assertThat(FaultInjection.parse(" ")).isEmpty();
    assertThatThrownBy(() -> FaultInjection.parse("none@x"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining(FaultInjection.PROPERTY);
  }

  @Test
  void autoRunsGoOnTheTasksGpusAndExplicitDevicesStay() {
    assertThat(GpuPlacement.device("auto", List.of("1"))).isEqualTo("gpu:1");
    assertThat(GpuPlacement.device("auto", List.of("0", "3"))).isEqualTo("gpu:0,gpu:3");
    assertThat(GpuPlacement.device("auto", List.of())).isEqualTo("auto");
    assertThat(GpuPlacement.device("cpu", List.of("0"))).isEqualTo("cpu");
    assertThat(GpuPlacement.device("gpu:1", List.of("0"))).isEqualTo("gpu:1");
  }

  @Test
  void jobsNeedAnAbsoluteRunFolder() {
    assertThatThrownBy(() -> new SparkJob("none", 3, "s", "{}", "runs/none/seed-3"))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageContaining("runDir");
    assertThat(JOB.key()).isEqualTo("none/seed-3");
  }

  @Test
  void aPluginMismatchNamesTheExecutorAndBothSides() {
    assertThat(
            PluginCheck.message(
                "7",
                List.of("curator a A x 1", "loss b B y 1"),
                List.of("loss b B y 1", "loss c C z 2")))
        .isEqualTo(
            "executor 7 sees other plugins than the driver (ship plugin jars with --jars or in the"
                + " application jar):\n"
                + "  only on the driver:   curator a A x 1\n"
                + "  only on the executor: loss c C z 2");
  }
}
