package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.batchcuration.api.PluginContext;
import org.junit.jupiter.api.Test;

class CurationLoopTest {
  @Test
  void everyVariantIsAnInBatchCuratorThatBinds() {
    assertThat(CurationLoop.VARIANTS.get(0).label()).isEqualTo("none");
    assertThat(CurationLoop.VARIANTS).hasSize(6);
    for (CurationLoop.Variant v : CurationLoop.VARIANTS) {
      assertThat(CurationLoop.curator(v, PluginContext.of(1, 8, 1))).as(v.label()).isNotNull();
    }
  }

  @Test
  void reportsTheSplitAndTheRatioToNoneForEveryCurator() {
    BenchResult r = new BenchResult();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    for (String encoder : new String[] {"small-cnn", "resnet18"}) {
      CurationLoop.run(
          r,
          "synthetic",
          new CurationLoop.Plan(encoder, encoder, 4, 1, 1),
          new PrintStream(log, true, StandardCharsets.UTF_8));
      String p = "curation_loop." + encoder + ".";
      assertThat(r.get(p + "none.ratio_to_none")).isEqualTo(1.0);
      assertThat(r.get(p + "none.extra_host_ms")).isZero();
      assertThat(r.get(p + "none.paired_ratio_to_none")).isEqualTo(1.0);
      for (CurationLoop.Variant v : CurationLoop.VARIANTS) {
        String k = p + v.label() + ".";
        assertThat(r.get(k + "step_ms")).as(k).isPositive();
        assertThat(r.get(k + "forward_backward_ms")).as(k).isPositive();
        assertThat(r.get(k + "host_ms")).as(k).isPositive();
        assertThat(r.get(k + "update_ms")).as(k).isPositive();
        assertThat(r.get(k + "ratio_to_none")).as(k).isPositive();
        assertThat(r.get(k + "host_ratio_to_none")).as(k).isPositive();
        assertThat(r.get(k + "paired_ratio_low"))
            .as(k)
            .isPositive()
            .isLessThanOrEqualTo(r.get(k + "paired_ratio_to_none"));
        assertThat(r.get(k + "paired_ratio_high"))
            .as(k)
            .isGreaterThanOrEqualTo(r.get(k + "paired_ratio_to_none"));
        assertThat(r.get(k + "paired_ratio_coverage")).as(k).as("one pair: a point").isZero();
      }
      assertThat(r.get(p + "max_ratio_to_none")).isPositive();
      assertThat(r.get(p + "max_paired_ratio_to_none")).isPositive();
    }
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("batch_curation_reweight");
  }
}
