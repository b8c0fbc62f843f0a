package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.batchcuration.runner.testplugins.PluginJars;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  private final RunnerSetup setup =
      new RunnerSetup(MainTest.class.getClassLoader(), TestSchemas.schema());

  private Path file(String name, String json) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, json);
    return f;
  }

  @Test
  void validatePrintsTheResolvedConfig() throws Exception {
    Path f = file("ok.json", "{\"curator\":{\"type\":\"test-curator\"}}");
    CliHarness r = CliHarness.run(setup, "validate", f.toString(), "--set", "train.epochs=4");
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.err()).matches("device: (cpu|gpu:0) \\(auto; \\S+ sees (no GPU|\\d+ GPUs?)\\)\\R");
    JsonNode printed = Json.parse(r.out(), "stdout");
    assertThat(printed.at("/train/epochs").intValue()).isEqualTo(4);
    assertThat(printed.at("/curator/poolFactor").doubleValue()).isEqualTo(2.0);
    assertThat(printed.at("/loss/type").textValue()).isEqualTo("test-loss");
  }

  @Test
  void validateRefusesAGpuTheEngineCannotSee() throws Exception {
    Path f = file("gpu.json", "{\"curator\":{\"type\":\"test-curator\"},\"device\":\"gpu:64\"}");
    CliHarness r = CliHarness.run(setup, "validate", f.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("error: gpu.json: $.device: ");
    if (!r.err().contains("gpu:64 is not available")) {
      assertThat(r.err())
          .startsWith(
              "error: gpu.json: $.device: \"gpu:64\" needs a GPU, but MXNet sees none (no GPU, a"
                  + " driver too old for the engine's CUDA natives, or the CPU natives on the class"
                  + " path; see the README's \"GPUs and engines\"); use \"auto\" or \"cpu\"");
    }
  }

  @Test
  void badConfigExitsWithTwoAndNoStackTrace() throws Exception {
    Path f = file("bad.json", "{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":0.5}}");
    CliHarness r = CliHarness.run(setup, "validate", f.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "error: bad.json: $.curator.poolFactor: must be >= 1.0, was 0.5\n"
                + "(run with --verbose for details)\n");
  }

  @Test
  void verbosePrintsTheStackTrace() throws Exception {
    Path f = file("bad.json", "{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":0.5}}");
    CliHarness r = CliHarness.run(setup, "validate", "--verbose", f.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err()).contains("ConfigException").contains("\tat org.batchcuration.");
  }

  @Test
  void malformedJsonAndUnknownPluginExitWithTwo() throws Exception {
    Path f = file("broken.json", "{\"seed\": 1,,}");
    CliHarness r = CliHarness.run(setup, "validate", f.toString());
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith("error: broken.json: line 1, column 12: Unexpected character (',' (code 44))");
    Path g = file("unknown.json", "{\"curator\":{\"type\":\"no-such-curator\"}}");
    CliHarness u = CliHarness.run(setup, "validate", g.toString());
    assertThat(u.code).isEqualTo(2);
    assertThat(u.err())
        .startsWith(
            "error: unknown.json: $.curator.type: Unknown curator \"no-such-curator\". Known curator"
                + " names: [")
        .contains("other-curator", "test-curator", "its jar may be missing");
  }

  @Test
  void badArgumentsExitWithTwo() throws Exception {
    assertThat(CliHarness.run(setup, "no-such-command").code).isEqualTo(2);
    assertThat(CliHarness.run(setup).code).isEqualTo(2);
    Path f = file("ok.json", "{\"curator\":{\"type\":\"test-curator\"}}");
    CliHarness r = CliHarness.run(setup, "validate", f.toString(), "--set", "epochs");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err()).contains("--set expects path=value (e.g. train.epochs=2), got \"epochs\"");
    assertThat(CliHarness.run(setup, "validate", dir.resolve("missing.json").toString()).err())
        .startsWith("error: missing.json: no such file (");
  }

  @Test
  void helpAndVersionExitWithZero() {
    CliHarness h = CliHarness.run(setup, "--help");
    assertThat(h.code).isZero();
    assertThat(h.out()).contains("plugins", "validate");
    assertThat(CliHarness.run(setup, "--version").code).isZero();
  }

  @Test
  void completionPrintsABashScriptForEveryCommandAndOption() {
    CliHarness r = CliHarness.run(setup, "completion");
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_curation")
        .contains("_picocli_curation_train()")
        .contains("_picocli_curation_ablate()")
        .contains("--set")
        .contains("--resume")
        .contains("--executor");
    for (String command :
        List.of("plugins", "validate", "train", "eval", "embed", "ablate", "bench", "completion")) {
      assertThat(r.out()).contains(command);
    }
  }

  @Test
  void helpShowsDefaults() {
    CliHarness embed = CliHarness.run(setup, "embed", "--help");
    assertThat(embed.code).isZero();
    assertThat(embed.out())
        .containsPattern("--split=<split>\\s+train, test or unlabeled\\.\\s+Default: test");
    CliHarness train = CliHarness.run(setup, "train", "--help");
    assertThat(train.out())
        .contains("default: none, the config's values")
        .contains("(default: the config's")
        .contains("output.dir/output.name");
  }

  @Test
  void pluginsJsonListsEveryPluginWithItsOrigin() {
    CliHarness r = CliHarness.run(setup, "plugins", "--json");
    assertThat(r.code).as(r.err()).isZero();
    JsonNode arr = Json.parse(r.out(), "stdout");
    assertThat(arr.isArray()).isTrue();
    JsonNode test = null;
    for (JsonNode p : arr) {
      assertThat(p.fieldNames())
          .toIterable()
          .containsExactly("kind", "name", "class", "artifact", "version", "jar", "description");
      if (p.get("name").textValue().equals("test-curator")) {
        test = p;
      }
    }
    assertThat(test).isNotNull();
    assertThat(test.get("kind").textValue()).isEqualTo("curator");
    assertThat(test.get("class").textValue())
        .isEqualTo("org.batchcuration.runner.testplugins.TestCuratorProvider");
    assertThat(test.get("jar").textValue()).endsWith("test-classes");
    assertThat(test.get("description").textValue()).isEqualTo("keeps every pair (runner tests)");
  }

  @Test
  void pluginsTableShowsKindsAndNames() {
    CliHarness r = CliHarness.run(setup, "plugins");
    assertThat(r.code).as(r.err()).isZero();
    assertThat(r.out())
        .startsWith("KIND ")
        .containsPattern(
            "(?m)^curator +test-curator +unknown +unknown +keeps every pair \\(runner tests\\)$");
  }

  @Test
  void duplicatePluginNamesAcrossJarsNameBothJars() throws Exception {
    Path a = PluginJars.curatorJar(dir, "dupa", "dup-curator");
    Path b = PluginJars.curatorJar(dir, "dupb", "dup-curator");
    try (URLClassLoader cl =
        new URLClassLoader(
            new URL[] {a.toUri().toURL(), b.toUri().toURL()}, MainTest.class.getClassLoader())) {
      CliHarness r = CliHarness.run(new RunnerSetup(cl, TestSchemas.schema()), "plugins");
      assertThat(r.code).isEqualTo(2);
      assertThat(r.err())
          .isEqualTo(
              "error: Duplicate curator plugin name \"dup-curator\": dupa.DupCurator ("
                  + a
                  + ") and dupb.DupCurator ("
                  + b
                  + "). Remove one of the jars from the classpath.\n"
                  + "(run with --verbose for details)\n");
    }
  }
}
