package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.config.Overrides;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.config.StandardSchema;
import org.batchcuration.runner.testplugins.PluginJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar in {@code plugins/} that contributes only a Guice module binding a metrics sink gets that
 * sink called on a run, beside the built-in {@code metrics.csv} writer (real training on a tiny
 * synthetic dataset).
 */
class PluginSinkTest {
  @TempDir Path dir;

  @Test
  void aPluginModulesSinkIsCalledOnARun() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = PluginJars.sinkModuleJar(plugins, "sinkplugin");
    Path config = dir.resolve("tiny.json");
    Files.writeString(config, RunCommandsTest.TINY);
    Path run = dir.resolve("run");
    try (URLClassLoader cl =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      CliHarness r =
          CliHarness.run(
              new RunnerSetup(cl, StandardSchema.schema()),
              "train",
              config.toString(),
              "--out",
              run.toString());
      assertThat(r.code).as(r.err()).isZero();
    }
    // 96 training images in batches of 32: 3 steps, 1 epoch
    assertThat(Files.readString(run.resolve("sink-calls.txt")))
        .isEqualTo("start=1 steps=3 epochs=1 result=completed close=1");
    List<String> csv = Files.readAllLines(run.resolve("metrics.csv"));
    assertThat(csv).hasSize(4);
    assertThat(csv.get(0)).startsWith("epoch,step,").contains(",loss");
    assertThat(csv.get(1)).startsWith("0,0,");
    assertThat(csv.get(3)).startsWith("0,2,");
    long stepLines =
        Files.readAllLines(run.resolve("metrics.jsonl")).stream()
            .filter(l -> l.startsWith("{\"kind\":\"step\""))
            .count();
    assertThat(stepLines).isEqualTo(3);
  }

  /**
   * Executors that call the training run themselves (Spark tasks) take the spec and the sinks from
   * {@code ExperimentRunner.prepare}: the plugin module's sink is among them, after the built-in.
   */
  @Test
  void preparedRunsCarryThePluginModulesSinks() throws Exception {
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path jar = PluginJars.sinkModuleJar(plugins, "sinkplugin");
    Path config = dir.resolve("tiny.json");
    Files.writeString(config, RunCommandsTest.TINY);
    try (URLClassLoader cl =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
      RunnerSetup setup = new RunnerSetup(cl, StandardSchema.schema());
      ExperimentRunner.Prepared p =
          new ExperimentRunner(setup).prepare(setup.configLoader().load(config, Overrides.none()));
      assertThat(p.sinks())
          .extracting(sink -> sink.getClass().getName())
          .containsExactlyInAnyOrder(
              "org.batchcuration.training.CsvMetricsSink", "sinkplugin.CountingSink");
      p.sinks().forEach(org.batchcuration.api.MetricsSink::close);
    }
  }
}
