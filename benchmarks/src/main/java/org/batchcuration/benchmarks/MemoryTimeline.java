package org.batchcuration.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The lines {@link MemoryProbe} prints, one {@link Point} per reading, in step order. */
record MemoryTimeline(List<Point> points) {

  /** One reading; byte counts are -1 where the platform does not report them. */
  record Point(
      long step,
      long rssBytes,
      long rssAnonBytes,
      long heapCommittedBytes,
      long heapUsedBytes,
      long openArrays) {}

  MemoryTimeline {
    points = List.copyOf(points);
  }

  /** Parses the {@code step=...} lines of a probe's output; other lines are ignored. */
  static MemoryTimeline parse(String output) {
    List<Point> points = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.startsWith("step=")) {
        continue;
      }
      Map<String, Long> kv = new HashMap<>();
      for (String part : line.trim().split("\\s+")) {
        int eq = part.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException("memory probe line without key=value: " + line);
        }
        kv.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
      }
      points.add(
          new Point(
              field(kv, "step", line),
              field(kv, "rss_bytes", line),
              field(kv, "rss_anon_bytes", line),
              field(kv, "heap_committed_bytes", line),
              field(kv, "heap_used_bytes", line),
              field(kv, "open_ndarrays", line)));
    }
    return new MemoryTimeline(points);
  }

  private static long field(Map<String, Long> kv, String key, String line) {
    Long v = kv.get(key);
    if (v == null) {
      throw new IllegalArgumentException("memory probe line without " + key + ": " + line);
    }
    return v;
  }

  Optional<Point> at(long step) {
    return points.stream().filter(p -> p.step() == step).findFirst();
  }

  /** Relative RSS growth from step {@code from} to step {@code to}, when both were read. */
  Optional<Double> rssGrowth(long from, long to) {
    Optional<Point> a = at(from);
    Optional<Point> b = at(to);
    if (a.isEmpty() || b.isEmpty() || a.get().rssBytes() <= 0) {
      return Optional.empty();
    }
    return Optional.of((double) (b.get().rssBytes() - a.get().rssBytes()) / a.get().rssBytes());
  }

  /** {@code "100:663 200:832 ..."}: RSS in MiB by step, for the bench's notes. */
  String rssSeries() {
    return points.stream()
        .map(p -> String.format(Locale.ROOT, "%d:%.0f", p.step(), p.rssBytes() / 1048576.0))
        .collect(Collectors.joining(" "));
  }
}
