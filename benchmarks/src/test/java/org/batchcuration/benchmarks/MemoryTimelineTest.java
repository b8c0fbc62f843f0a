package org.batchcuration.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryTimelineTest {
  private static final String OUTPUT =
      String.join(
          "\n",
          "dataset=synthetic steps_per_epoch=15",
          "[engine] MXNet start using engine: NaiveEngine",
          "step=100 rss_bytes=104857600 rss_anon_bytes=52428800 heap_committed_bytes=67108864"
              + " heap_used_bytes=1000 open_ndarrays=50",
          "step=200 rss_bytes=110100480 rss_anon_bytes=57671680 heap_committed_bytes=67108864"
              + " heap_used_bytes=2000 open_ndarrays=50",
          "step=1000 rss_bytes=109051904 rss_anon_bytes=56623104 heap_committed_bytes=67108864"
              + " heap_used_bytes=3000 open_ndarrays=51",
          "");

  @Test
  void parsesEveryReadingAndIgnoresOtherLines() {
    MemoryTimeline t = MemoryTimeline.parse(OUTPUT);
    assertThat(t.points())
        .extracting(MemoryTimeline.Point::step)
        .containsExactly(100L, 200L, 1000L);
    assertThat(t.at(1000).orElseThrow())
        .isEqualTo(new MemoryTimeline.Point(1000, 109051904, 56623104, 67108864, 3000, 51));
    assertThat(t.at(300)).isEmpty();
  }

  @Test
  void growthIsRelativeToTheEarlierReading() {
    MemoryTimeline t = MemoryTimeline.parse(OUTPUT);
    // 100 MiB -> 104 MiB
    assertThat(t.rssGrowth(100, 1000)).hasValueSatisfying(g -> assertThat(g).isEqualTo(0.04));
    assertThat(t.rssGrowth(100, 300)).isEmpty();
    assertThat(t.rssSeries()).isEqualTo("100:100 200:105 1000:104");
  }

  @Test
  void aLineMissingAFieldIsAnErrorNamingIt() {
    assertThatThrownBy(() -> MemoryTimeline.parse("step=100 rss_bytes=5 open_ndarrays=1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "memory probe line without rss_anon_bytes: step=100 rss_bytes=5 open_ndarrays=1");
  }

  @Test
  void childJvmsGetTheHeapAndGcFlagsOnly() {
    assertThat(
            ChildProcess.memoryFlags(
                List.of(
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "-Xmn64m",
                    "-Dai.djl.offline=true",
                    "-Xmx8g",
                    "-XX:+UseG1GC",
                    "-Xss2m")))
        .containsExactly("-Xmn64m", "-Xmx8g", "-XX:+UseG1GC", "-Xss2m");
  }
}
