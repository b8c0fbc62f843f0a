package org.batchcuration.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./curation bench}: the training step on both engines beside the PyTorch peer, the
 * augmentation pipeline beside torchvision, the curators' cost as a share of the step, the
 * end-to-end cost of in-batch curation in a real training loop, the data wait of a real training
 * loop, memory growth, and step-time scaling with the batch size. Every peer figure is measured in
 * the same run, so ratios compare like with like.
 */
public final class BenchSuite {
  private final BenchOptions options;
  private final PrintStream log;

  public BenchSuite(BenchOptions options, PrintStream log) {
    this.options = options;
    this.log = log;
  }

  /** Runs the chosen sections, prints the table, writes the JSON when asked. */
  public BenchResult run() throws IOException, InterruptedException {
    BenchResult r = new BenchResult();
    r.environment("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    r.environment("threads", Integer.toString(options.threads()));
    r.environment("jdk", System.getProperty("java.version"));
    r.environment("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    r.environment("quick", Boolean.toString(options.quick()));
    if (options.runs("step")) {
      step(r);
    }
    if (options.runs("augment")) {
      augment(r);
    }
    if (options.runs("scaling") || options.runs("curation")) {
      scaling(r);
    }
    if (options.runs("curation")) {
      CurationCost.measure(r, options.quick(), log);
    }
    if (options.runs("curation-loop")) {
      CurationLoop.measure(r, options, log);
    }
    if (options.runs("data")) {
      DataWait.measure(r, options, log);
    }
    if (options.runs("memory")) {
      memory(r);
    }
    if (options.runs("encoder")) {
      EncoderBenchmark.measure(r, options, log);
    }
    log.println();
    r.printTable(log);
    if (options.out().isPresent()) {
      r.writeJson(options.out().get());
      log.println("wrote " + options.out().get());
    }
    return r;
  }

  /**
   * The training step on both engines and the PyTorch peer, in alternating rounds (each series'
   * median is reported) so that a slow phase of a shared machine hits every series alike. The peer
   * runs with its default environment (as PyTorch users run it) and the same number of threads.
   */
  private static final String SAME_ALLOCATOR = "step.peer_torch_same_allocator.images_per_s";

  private void step(BenchResult r) throws IOException, InterruptedException {
    int batch = 128;
    int steps = options.quick() ? 2 : 4;
    int rounds = options.quick() ? 1 : 3;
    Map<String, List<Double>> series = new LinkedHashMap<>();
    // the launcher preloads tcmalloc when installed; engine processes inherit it, the peer not
    Optional<String> preload =
        Optional.ofNullable(System.getenv("LD_PRELOAD")).filter(l -> !l.isBlank());
    List<String> peerArgs = List.of("" + batch, "" + steps, "" + options.threads(), "32");
    for (int round = 1; round <= rounds; round++) {
      for (String engine : List.of("MXNet", "PyTorch")) {
        log.printf(
            Locale.ROOT, "step: ResNet-18 batch %d on %s (round %d) ...%n", batch, engine, round);
        String key = "step." + engine.toLowerCase(Locale.ROOT) + ".images_per_s";
        engineStep(engine, "resnet18", batch, steps).ifPresent(v -> add(series, key, v));
      }
      peer("torch_simclr_step.py", peerArgs, "images_per_s", Map.of())
          .ifPresent(v -> add(series, "step.peer_torch.images_per_s", v));
      if (preload.isPresent()) {
        peer("torch_simclr_step.py", peerArgs, "images_per_s", Map.of("LD_PRELOAD", preload.get()))
            .ifPresent(v -> add(series, SAME_ALLOCATOR, v));
      }
    }
    r.note(
        "engine processes allocate with "
            + preload.map(l -> "LD_PRELOAD=" + l).orElse("the C library's malloc")
            + "; the peer runs with its default allocator"
            + (preload.isPresent() ? " and, as " + SAME_ALLOCATOR + ", with the same one" : ""));
    series.forEach(
        (k, v) -> {
          r.put(k, median(v), "source images/s");
          r.note(k + " per round (median reported): " + v);
        });
    double best =
        Math.max(nan0(r.get("step.mxnet.images_per_s")), nan0(r.get("step.pytorch.images_per_s")));
    r.put(
        "step.images_per_s", r.get("step.mxnet.images_per_s"), "source images/s (default engine)");
    if (series.containsKey("step.peer_torch.images_per_s")) {
      double peer = r.get("step.peer_torch.images_per_s");
      r.put("step.ratio_default_vs_peer", r.get("step.images_per_s") / peer, "x");
      r.put("step.ratio_best_vs_peer", best / peer, "x");
    }
    if (series.containsKey(SAME_ALLOCATOR)) {
      r.put(
          "step.ratio_default_vs_peer_same_allocator",
          r.get("step.images_per_s") / r.get(SAME_ALLOCATOR),
          "x");
    }
  }

  private static void add(Map<String, List<Double>> series, String key, double v) {
    series.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The training step of {@code encoder} on {@code engine} in its own JVM. */
  Optional<Double> engineStep(String engine, String encoder, int batch, int steps)
      throws IOException, InterruptedException {
    ChildProcess.Outcome o =
        ChildProcess.java(
            StepProbe.class.getName(),
            List.of(encoder, "" + batch, "" + steps),
            ChildProcess.launcherMemoryFlags(),
            EngineThreads.jvmProps(engine, options.threads()),
            EngineThreads.env(engine, options.threads()));
    Optional<Double> v = o.number("images_per_s");
    if (o.exitCode() != 0 || v.isEmpty()) {
      log.println("  " + engine + " step failed (exit " + o.exitCode() + "): " + tail(o.output()));
      return Optional.empty();
    }
    log.printf(Locale.ROOT, "  %.2f images/s%n", v.get());
    return v;
  }

  private void augment(BenchResult r) throws IOException, InterruptedException {
    int n = options.quick() ? 5_000 : 20_000;
    log.println("augment: SimCLR CIFAR pipeline, two views, one thread ...");
    double ours = AugmentBenchmark.measure(n, 32).imagesPerSecondPerCore();
    r.put("augment.images_per_s_per_core", ours, "source images/s/core");
    Optional<Double> peer =
        peer(
            "torch_augment.py",
            List.of(options.quick() ? "1000" : "2000", "32"),
            "images_per_s",
            Map.of());
    if (peer.isPresent()) {
      r.put("augment.peer_torchvision.images_per_s_per_core", peer.get(), "source images/s/core");
      r.put("augment.ratio_vs_peer", ours / peer.get(), "x");
    }
  }

  private void scaling(BenchResult r) throws IOException, InterruptedException {
    List<Integer> sizes = options.quick() ? List.of(64, 256) : List.of(64, 128, 256, 512);
    for (int b : sizes) {
      log.printf(Locale.ROOT, "scaling: ResNet-18 batch %d on MXNet ...%n", b);
      Optional<Double> ips = engineStep("MXNet", "resnet18", b, options.quick() ? 1 : 2);
      ips.ifPresent(v -> r.put("scaling.b" + b + ".step_s", b / v, "s/step"));
      CurationCost.similarityCost(r, b);
    }
  }

  /**
   * Resident memory of a real training loop (the data-wait section's pipeline and model, batch 64,
   * 1,000 steps, which crosses an epoch boundary of Fashion-MNIST), read every 100 steps without
   * forcing a collection, in a child JVM with the launcher's heap flags; when those bound the young
   * generation, once more with the JVM's own sizing, to show what the bound buys.
   */
  private void memory(BenchResult r) throws IOException, InterruptedException {
    List<String> flags = ChildProcess.launcherMemoryFlags();
    r.environment("jvm_memory_flags", String.join(" ", flags));
    memoryProbe(r, "memory.", flags);
    List<String> unbounded = flags.stream().filter(f -> !bindsYoungGeneration(f)).toList();
    if (unbounded.size() < flags.size()) {
      memoryProbe(r, "memory.jvm_own_young_sizing.", unbounded);
    }
  }

  private static boolean bindsYoungGeneration(String flag) {
    return flag.startsWith("-Xmn") || flag.contains("NewSize");
  }

  private void memoryProbe(BenchResult r, String prefix, List<String> flags)
      throws IOException, InterruptedException {
    int steps = 1000;
    String dataName = DefaultLoop.datasetName(options.dataPath());
    log.printf(
        Locale.ROOT,
        "memory: %s, small CNN, batch 64, %d steps, JVM flags [%s] ...%n",
        dataName,
        steps,
        String.join(" ", flags));
    ChildProcess.Outcome o =
        ChildProcess.java(
            MemoryProbe.class.getName(),
            List.of("" + steps, "64", "100", dataName),
            flags,
            EngineThreads.jvmProps("MXNet", options.threads()),
            EngineThreads.env("MXNet", options.threads()));
    MemoryTimeline t = MemoryTimeline.parse(o.output());
    Optional<MemoryTimeline.Point> a = t.at(100);
    Optional<MemoryTimeline.Point> b = t.at(steps);
    if (o.exitCode() != 0 || a.isEmpty() || b.isEmpty()) {
      log.println("  memory probe failed (exit " + o.exitCode() + "): " + tail(o.output()));
      return;
    }
    for (MemoryTimeline.Point p : List.of(a.get(), b.get())) {
      String at = "_step" + p.step();
      r.put(prefix + "rss_mb" + at, p.rssBytes() / 1048576.0, "MiB");
      r.put(prefix + "rss_anon_mb" + at, p.rssAnonBytes() / 1048576.0, "MiB");
      r.put(prefix + "heap_committed_mb" + at, p.heapCommittedBytes() / 1048576.0, "MiB");
      r.put(prefix + "open_ndarrays" + at, p.openArrays(), "arrays");
    }
    t.rssGrowth(100, steps)
        .ifPresent(g -> r.put(prefix + "rss_growth_100_to_" + steps, g, "fraction"));
    r.note(
        prefix.substring(0, prefix.length() - 1)
            + ": "
            + dataName
            + ", JVM flags ["
            + String.join(" ", flags)
            + "], RSS MiB by step "
            + t.rssSeries());
  }

  /** Runs a peer script with its default environment plus {@code extraEnv}. */
  private Optional<Double> peer(
      String script, List<String> args, String key, Map<String, String> extraEnv)
      throws IOException, InterruptedException {
    Path file = options.peerDir().resolve(script);
    if (!Files.isRegularFile(file) || !Files.isExecutable(options.python())) {
      log.println(
          "  peer " + script + " skipped: " + file + " or " + options.python() + " missing");
      return Optional.empty();
    }
    List<String> cmd = new ArrayList<>(List.of(options.python().toString(), file.toString()));
    cmd.addAll(args);
    Map<String, String> env = new LinkedHashMap<>(extraEnv);
    env.put("OMP_NUM_THREADS", "" + options.threads());
    log.println("  peer: " + (extraEnv.isEmpty() ? "" : extraEnv + " ") + String.join(" ", cmd));
    ChildProcess.Outcome o = ChildProcess.run(cmd, env, 1800, true);
    Optional<Double> v = o.number(key);
    if (o.exitCode() != 0 || v.isEmpty()) {
      log.println("  peer failed (exit " + o.exitCode() + "): " + tail(o.output()));
      return Optional.empty();
    }
    log.println("  " + o.output().trim());
    return v;
  }

  private static double nan0(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  static String tail(String s) {
    String t = s.strip();
    return t.length() > 600 ? "..." + t.substring(t.length() - 600) : t;
  }
}
