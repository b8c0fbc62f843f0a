package org.batchcuration.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.batchcuration.api.CurationDecision;
import org.batchcuration.api.Encoder;
import org.batchcuration.api.ImageShape;
import org.batchcuration.api.PluginContext;
import org.batchcuration.simclr.HeadConfig;
import org.batchcuration.simclr.OptimizerConfig;
import org.batchcuration.simclr.ScheduleConfig;
import org.batchcuration.simclr.TrainerSpec;
import org.batchcuration.simclr.encoder.CifarResNetConfig;
import org.batchcuration.simclr.encoder.CifarResNetEncoderProvider;
import org.batchcuration.simclr.encoder.SmallCnnConfig;
import org.batchcuration.simclr.encoder.SmallCnnEncoderProvider;
import org.batchcuration.simclr.loss.NtXentLoss;

/**
 * The {@code encoder} section of {@code ./curation bench}: how well each encoder of the
 * Fashion-MNIST recipes uses the CPU. For the small CNN and {@code cifar-resnet} configs it reports
 * the convolutions' multiply-accumulates per 1x28x28 image (from the configs' {@code macsPerImage},
 * which the peer checks independently with PyTorch's hooks), the training step's source images per
 * second at batch 256 (two views, head 256-128, NT-Xent, Adam; on the engine of this JVM, in this
 * process), the achieved GFLOP/s counted as {@code 2 views x 3 (forward + two backward products) x
 * 2 FLOPs x MACs} per source image, and that as a fraction of the <em>measured</em> peak: the
 * GFLOP/s of the engine's own single-precision matrix product (1024 x 1024 x 1024, MKL on MXNet) in
 * the same process. Beside each, the same architecture in PyTorch ({@code
 * benchmarks/peer/torch_encoder_step.py} of this repository) and the ratio. Runs interleaved, the
 * peer after each engine measurement, so that a slow phase of a shared machine hits both alike.
 */
final class EncoderBenchmark {
  /** The peer script, in this repository's {@code benchmarks/peer}. */
  static final String PEER = "torch_encoder_step.py";

  private static final int SIDE = 28;
  private static final int BATCH = 256;

  /** One architecture: its key in the results, plugin name, config JSON and encoder factory. */
  record Arch(
      String key, String name, String json, long macs, Function<ImageShape, Encoder> make) {}

  private EncoderBenchmark() {}

  /** The architectures measured: the quickstart's small CNN and three cifar-resnet configs. */
  static List<Arch> architectures() {
    List<Arch> out = new ArrayList<>();
    SmallCnnConfig cnn = SmallCnnConfig.defaults();
    out.add(
        new Arch(
            "small-cnn",
            "small-cnn",
            "{\"widths\": [32, 64, 128]}",
            cnn.macsPerImage(1, SIDE),
            s -> new SmallCnnEncoderProvider().create(cnn, context(s))));
    for (CifarResNetConfig c :
        List.of(
            CifarResNetConfig.defaults(),
            new CifarResNetConfig(64, List.of(64, 128, 256), List.of(1, 1, 1)),
            new CifarResNetConfig(32, List.of(32, 64, 128), List.of(2, 2, 2)))) {
      String json =
          String.format(
              Locale.ROOT,
              "{\"stemWidth\": %d, \"widths\": %s, \"blocks\": %s}",
              c.stemWidth(),
              c.widths(),
              c.blocks());
      String key =
          "cifar-resnet-"
              + c.stemWidth()
              + "-"
              + String.join("-", c.widths().stream().map(String::valueOf).toList())
              + "-b"
              + String.join("", c.blocks().stream().map(String::valueOf).toList());
      out.add(
          new Arch(
              key,
              "cifar-resnet",
              json,
              c.macsPerImage(1, SIDE),
              s -> new CifarResNetEncoderProvider().create(c, context(s))));
    }
    return out;
  }

  private static PluginContext context(ImageShape shape) {
    return PluginContext.of(1, BATCH, 1).withInputShape(shape);
  }

  static void measure(BenchResult r, BenchOptions options, PrintStream log)
      throws IOException, InterruptedException {
    int steps = options.quick() ? 3 : 8;
    double sgemm = sgemmGflops(options.quick() ? 5 : 20);
    r.put("encoder.sgemm_gflops", sgemm, "GFLOP/s");
    double peak = nominalPeakGflops(options.threads());
    r.put("encoder.nominal_peak_gflops", peak, "GFLOP/s");
    log.printf(
        Locale.ROOT,
        "encoder: nominal peak %.1f GFLOP/s (%s), measured SGEMM %.1f GFLOP/s%n",
        peak,
        peakBasis(options.threads()),
        sgemm);
    Optional<Path> peer = peerScript();
    for (Arch a : architectures()) {
      String p = "encoder." + a.key() + ".";
      double ips = imagesPerSecond(a, steps);
      double gflops = ips * 2 * 3 * 2 * a.macs() / 1e9;
      r.put(p + "macs_per_image", a.macs(), "MAC");
      r.put(p + "images_per_s", ips, "images/s");
      r.put(p + "gflops", gflops, "GFLOP/s");
      r.put(p + "fraction_of_peak", gflops / peak, "fraction");
      r.put(p + "ratio_to_sgemm", gflops / sgemm, "ratio");
      log.printf(
          Locale.ROOT,
          "  %s: %.1f M MACs/image, %.1f images/s, %.1f GFLOP/s = %.2f of nominal peak, %.2f x SGEMM%n",
          a.key(),
          a.macs() / 1e6,
          ips,
          gflops,
          gflops / peak,
          gflops / sgemm);
      if (peer.isPresent() && Files.isExecutable(options.python())) {
        List<String> cmd =
            List.of(
                options.python().toString(),
                peer.get().toString(),
                a.name(),
                a.json(),
                "" + BATCH,
                "" + steps,
                "" + options.threads());
        ChildProcess.Outcome o =
            ChildProcess.run(cmd, Map.of("OMP_NUM_THREADS", "" + options.threads()), 1800, true);
        Optional<Double> v = o.number("images_per_s");
        Optional<Double> macs = o.number("macs_per_image");
        if (o.exitCode() == 0 && v.isPresent()) {
          r.put(p + "peer_torch.images_per_s", v.get(), "images/s");
          r.put(p + "ratio_to_peer", ips / v.get(), "ratio");
          macs.ifPresent(m -> r.put(p + "peer_torch.macs_per_image", m, "MAC"));
          log.printf(
              Locale.ROOT, "    PyTorch: %.1f images/s, ratio %.2f%n", v.get(), ips / v.get());
        } else {
          log.println(
              "    peer failed (exit " + o.exitCode() + "): " + BenchSuite.tail(o.output()));
        }
      } else {
        log.println("    peer skipped: " + PEER + " or " + options.python() + " missing");
      }
    }
    r.note(
        "encoder: GFLOP/s count the convolutions' multiply-accumulates x 2 FLOPs x 3 (forward and"
            + " two backward products) x 2 views per source image at batch "
            + BATCH
            + " on 1x28x28 images; nominal peak = "
            + peakBasis(options.threads())
            + "; SGEMM = the engine's measured 1024^3 product in the same process");
  }

  /**
   * The nominal single-precision peak of {@code threads} logical CPUs: threads x the clock {@code
   * /proc/cpuinfo} reports x FLOPs per cycle (64 with AVX-512, 32 with AVX2 and FMA: two fused
   * multiply-add units of 16 or 8 lanes; 8 otherwise). An upper bound: two SMT threads of one core
   * share its units, and turbo clocks are not counted.
   */
  static double nominalPeakGflops(int threads) {
    CpuInfo c = CpuInfo.read();
    return threads * c.mhz() / 1000.0 * c.flopsPerCycle();
  }

  private static String peakBasis(int threads) {
    CpuInfo c = CpuInfo.read();
    return String.format(
        Locale.ROOT,
        "%d threads x %.0f MHz x %d FLOP/cycle (%s)",
        threads,
        c.mhz(),
        c.flopsPerCycle(),
        c.isa());
  }

  /** What {@code /proc/cpuinfo} says of the first CPU (nothing where it is missing). */
  record CpuInfo(double mhz, int flopsPerCycle, String isa) {
    static CpuInfo read() {
      double mhz = Double.NaN;
      String flags = "";
      try {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
          if (line.startsWith("cpu MHz") && Double.isNaN(mhz)) {
            mhz = Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
          } else if (line.startsWith("flags") && flags.isEmpty()) {
            flags = " " + line.substring(line.indexOf(':') + 1).trim() + " ";
          }
        }
      } catch (IOException | RuntimeException e) {
        return new CpuInfo(Double.NaN, 8, "unknown: " + e.getMessage());
      }
      if (flags.contains(" avx512f ")) {
        return new CpuInfo(mhz, 64, "AVX-512: 2 FMA x 16 lanes x 2");
      }
      if (flags.contains(" avx2 ") && flags.contains(" fma ")) {
        return new CpuInfo(mhz, 32, "AVX2+FMA: 2 FMA x 8 lanes x 2");
      }
      return new CpuInfo(mhz, 8, "no AVX2/FMA flags");
    }
  }

  /** The peer script: under {@code batchcuration.home} or a parent of the working directory. */
  static Optional<Path> peerScript() {
    List<Path> roots = new ArrayList<>();
    String home = System.getProperty("batchcuration.home");
    if (home != null) {
      roots.add(Path.of(home));
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      roots.add(d);
    }
    return roots.stream()
        .map(d -> d.resolve("benchmarks").resolve("peer").resolve(PEER))
        .filter(Files::isRegularFile)
        .findFirst();
  }

  /** Source images per second of the training step, after two warm-up steps. */
  static double imagesPerSecond(Arch a, int steps) {
    ImageShape shape = new ImageShape(1, SIDE, SIDE);
    Encoder encoder = a.make().apply(shape);
    TrainerSpec spec =
        new TrainerSpec(
            encoder,
            new HeadConfig(256, 128, true),
            new NtXentLoss(0.2),
            b -> CurationDecision.keepAll(b.size()),
            OptimizerConfig.defaults(),
            new ScheduleConfig(ScheduleConfig.Type.CONSTANT, 0, 0),
            List.of(ai.djl.Device.cpu()),
            1,
            BATCH,
            steps + 2,
            1);
    return StepBenchmark.timeSteps(spec, shape, BATCH, steps);
  }

  /** GFLOP/s of the engine's single-precision 1024^3 matrix product, best of {@code reps}. */
  static double sgemmGflops(int reps) {
    int n = 1024;
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomNormal(new Shape(n, n));
      NDArray b = m.randomNormal(new Shape(n, n));
      a.matMul(b).toFloatArray(); // warm-up
      double best = 0;
      for (int i = 0; i < reps; i++) {
        long t = System.nanoTime();
        try (NDArray c = a.matMul(b)) {
          c.toFloatArray();
        }
        best = Math.max(best, 2.0 * n * n * n / (System.nanoTime() - t));
      }
      return best;
    }
  }
}
