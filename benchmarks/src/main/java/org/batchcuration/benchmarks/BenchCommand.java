package org.batchcuration.benchmarks;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the training step on both engines beside the PyTorch peer, augmentation beside
 * torchvision, curation cost, data wait, memory and batch-size scaling, in one run. A picocli
 * command that the runner's {@code ./curation} adds by this class's name, so that the runner has
 * the benchmarks at run time only (docs/architecture.md). Returns 0, or 2 (picocli's usage code,
 * the runner's bad-input code) with a one-line {@code error: ...} for an unknown section or a
 * thread count below 1. Not thread-safe: one instance per invocation.
 */
@Command(
    name = "bench",
    description =
        "Measure throughput beside the PyTorch/torchvision peers (sections: step, augment, scaling,"
            + " curation, curation-loop, data, memory, encoder; all by default).",
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "SECTION", description = "Sections to run.")
  List<String> sections = List.of();

  @Option(names = "--quick", description = "Fewer steps and sizes (a few minutes).")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "FILE.json",
      description = "Write the figures as JSON (default: none, printed only).")
  Path out;

  @Option(
      names = "--peer-dir",
      paramLabel = "DIR",
      description = "Folder of the peer scripts (default: ../shared/peer beside the repository).")
  Path peerDir;

  @Option(
      names = "--python",
      paramLabel = "PYTHON",
      description = "Python with torch and torchvision (default: /usr/bin/python3).")
  Path python = Path.of("/usr/bin/python3");

  @Option(names = "--threads", description = "Compute threads (default: available cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    Set<String> chosen =
        sections.isEmpty()
            ? new LinkedHashSet<>(BenchOptions.ALL_SECTIONS)
            : new LinkedHashSet<>(sections);
    for (String s : chosen) {
      if (!BenchOptions.ALL_SECTIONS.contains(s)) {
        spec.commandLine()
            .getErr()
            .println(
                "error: unknown bench section \"" + s + "\"; known: " + BenchOptions.ALL_SECTIONS);
        return ExitCode.USAGE;
      }
    }
    if (threads < 1) {
      spec.commandLine().getErr().println("error: --threads must be >= 1, was " + threads);
      return ExitCode.USAGE;
    }
    Path peers = peerDir != null ? peerDir : defaultPeerDir();
    BenchOptions options =
        new BenchOptions(
            quick,
            chosen,
            Optional.ofNullable(out),
            peers,
            python,
            threads,
            Path.of("/usr/share/datasets/fashion-mnist"));
    new BenchSuite(options, new PrintStream(System.out, true, StandardCharsets.UTF_8)).run();
    return ExitCode.OK;
  }

  private static Path defaultPeerDir() {
    Path cwd = Path.of("").toAbsolutePath();
    for (Path p = cwd; p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("peer");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return cwd.resolve("peer");
  }
}
