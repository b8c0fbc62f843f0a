package org.batchcuration.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchcuration.api.PluginException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.runner.testplugins.TestCuratorProvider;
import org.batchcuration.runner.testplugins.TestSchemas;
import org.batchcuration.runner.testplugins.TestTrain;
import org.batchcuration.training.DeviceNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = TestSchemas.loader();

  private ExperimentConfig parse(String json, String... sets) {
    return loader.parse(json, "x.json", "x", Overrides.parse(List.of(sets)));
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e.getMessage();
    }
    throw new AssertionError("no exception");
  }

  @Test
  void fillsEveryDefaultInTheResolvedConfig() {
    ExperimentConfig c = parse("{\"curator\": {\"type\": \"test-curator\", \"poolFactor\": 3}}");
    assertThat(c.resolvedTree().toString())
        .isEqualTo(
            "{\"seed\":0,\"engine\":\"mxnet\",\"device\":\"auto\","
                + "\"loss\":{\"type\":\"test-loss\",\"scale\":1.0},"
                + "\"curator\":{\"type\":\"test-curator\",\"poolFactor\":3.0,\"space\":\"projection\","
                + "\"window\":{\"from\":0,\"to\":10},\"weights\":[1.0]},"
                + "\"train\":{\"epochs\":3,\"batchSize\":16},"
                + "\"output\":{\"dir\":\"runs\",\"name\":\"\"}}");
    TestCuratorProvider.Config cc =
        (TestCuratorProvider.Config) c.plugin(PluginKind.CURATOR).config();
    assertThat(cc.poolFactor()).isEqualTo(3.0);
    assertThat(c.section("train", TestTrain.class)).isEqualTo(TestTrain.defaults());
    assertThat(c.context().batchSize()).isEqualTo(16);
    assertThat(c.context().epochs()).isEqualTo(3);
    assertThat(c.defaultRunDir()).isEqualTo(Path.of("runs", "x"));
  }

  @Test
  void resolvedConfigResolvesToItself() {
    ExperimentConfig c =
        parse("{\"seed\": 7, \"device\": [\"cpu\"], \"curator\": {\"type\": \"other-curator\"}}");
    ExperimentConfig again = parse(c.resolvedJson());
    assertThat(again.resolvedJson()).isEqualTo(c.resolvedJson());
    assertThat(again.deviceSpec()).isEqualTo("cpu");
    assertThat(again.seed()).isEqualTo(7);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    assertThat(message(() -> parse("{\n  \"seed\": 1,\n  \"train\": {\"epochs\": }\n}")))
        .startsWith("x.json: line 3, column 23: Unexpected character ('}' (code 125))");
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThat(message(() -> parse("{\"seed\": 1, \"seed\": 2}")))
        .isEqualTo("x.json: line 1, column 19: Duplicate field 'seed'");
  }

  @Test
  void wrongTypeNamesPathAndExpectation() {
    assertThat(
            message(
                () ->
                    parse(
                        "{\"curator\": {\"type\": \"other-curator\"}, \"train\": {\"epochs\": \"many\"}}")))
        .isEqualTo("x.json: $.train.epochs: expected an integer, got \"many\"");
    assertThat(
            message(() -> parse("{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":\"2\"}}")))
        .isEqualTo("x.json: $.curator.poolFactor: expected a number, got \"2\"");
    assertThat(
            message(
                () ->
                    parse("{\"curator\":{\"type\":\"other-curator\"},\"train\":{\"epochs\":1.5}}")))
        .isEqualTo("x.json: $.train.epochs: expected an integer, got 1.5");
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"test-curator\",\"space\":1}}")))
        .isEqualTo("x.json: $.curator.space: expected a string, got 1");
    assertThat(message(() -> parse("{\"seed\":\"one\"}")))
        .isEqualTo("x.json: $.seed: expected an integer, got \"one\"");
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"other-curator\"},\"train\": 5}")))
        .isEqualTo("x.json: $.train: expected an object, got 5");
  }

  @Test
  void unknownFieldListsTheKnownOnes() {
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"test-curator\",\"bogus\":1}}")))
        .isEqualTo(
            "x.json: $.curator.bogus: unknown field of curator \"test-curator\";"
                + " known fields: [poolFactor, space, weights, window]");
    assertThat(
            message(
                () -> parse("{\"curator\":{\"type\":\"test-curator\",\"window\":{\"form\":1}}}")))
        .isEqualTo(
            "x.json: $.curator.window.form: unknown field of curator \"test-curator\" (did you"
                + " mean \"from\"?); known fields: [from, to]");
    assertThat(message(() -> parse("{\"trian\":{}}")))
        .isEqualTo(
            "x.json: $.trian: unknown field (did you mean \"train\"?); known fields:"
                + " [curator, device, engine, loss, output, seed, train]");
  }

  @Test
  void outOfRangeValueNamesTheField() {
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":0.5}}")))
        .isEqualTo("x.json: $.curator.poolFactor: must be >= 1.0, was 0.5");
    assertThat(
            message(
                () ->
                    parse(
                        "{\"curator\":{\"type\":\"test-curator\",\"window\":{\"from\":5,\"to\":1}}}")))
        .isEqualTo("x.json: $.curator.window.to: must be >= from (5), was 1");
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"other-curator\"},\"engine\":\"tf\"}")))
        .isEqualTo("x.json: $.engine: must be one of [mxnet, pytorch], was \"tf\"");
    assertThat(
            message(() -> parse("{\"curator\":{\"type\":\"other-curator\"},\"device\":\"tpu\"}")))
        .isEqualTo(
            "x.json: $.device: must be \"auto\", \"cpu\", \"gpu\" or \"gpu:N\" (or a list of"
                + " them), was \"tpu\"");
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"test-curator\",\"space\":null}}")))
        .isEqualTo("x.json: $.curator.space: expected a value, got null");
  }

  @Test
  void deviceNamesAreTheOnesTheSelectorAccepts() {
    // one grammar (training's DeviceNames) for the config check and the device selector: what
    // passes here is a device the selector resolves, and the refusal names the field and the names
    for (String d : List.of("auto", "cpu", "gpu", "gpu:1")) {
      assertThat(
              parse("{\"curator\":{\"type\":\"other-curator\"},\"device\":\"" + d + "\"}")
                  .devices())
          .containsExactly(d);
      assertThat(DeviceNames.accepts(d)).isTrue();
    }
    assertThat(
            message(
                () ->
                    parse(
                        "{\"curator\":{\"type\":\"other-curator\"},\"device\":[\"cpu\",\"GPU\"]}")))
        .isEqualTo(
            "x.json: $.device[1]: must be \"auto\", \"cpu\", \"gpu\" or \"gpu:N\" (or a list of"
                + " them), was \"GPU\"");
  }

  @Test
  void unknownPluginListsKnownNames() {
    assertThatThrownBy(() -> parse("{\"curator\": {\"type\": \"no-such-curator\"}}"))
        .isInstanceOf(PluginException.class)
        .hasMessage(
            "x.json: $.curator.type: Unknown curator \"no-such-curator\". Known curator names:"
                + " [other-curator, test-curator]. If it comes from a plugin, its jar may be"
                + " missing from the classpath (add it as a Maven dependency or put it in"
                + " plugins/).");
    assertThat(message(() -> parse("{}")))
        .isEqualTo(
            "x.json: $.curator.type: is required; known curator names: [other-curator, test-curator]");
  }

  @Test
  void setOverridesAnyPathAndParsesJsonValues() {
    ExperimentConfig c =
        parse(
            "{\"curator\":{\"type\":\"test-curator\"}}",
            "train.epochs=5",
            "$.curator.window.to=20",
            "curator.space=representation",
            "curator.weights=[0.5, 2]",
            "output.name=my run");
    assertThat(c.section("train", TestTrain.class).epochs()).isEqualTo(5);
    TestCuratorProvider.Config cc =
        (TestCuratorProvider.Config) c.plugin(PluginKind.CURATOR).config();
    assertThat(cc.window().to()).isEqualTo(20);
    assertThat(cc.space()).isEqualTo("representation");
    assertThat(cc.weights()).containsExactly(0.5, 2.0);
    assertThat(c.output().name()).isEqualTo("my run");
    ExperimentConfig replaced =
        parse(
            "{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":4}}",
            "curator={\"type\":\"other-curator\"}");
    assertThat(replaced.plugin(PluginKind.CURATOR).name()).isEqualTo("other-curator");
    assertThat(
            message(() -> parse("{\"curator\":{\"type\":\"other-curator\"}}", "train.epochs=many")))
        .isEqualTo("--set train.epochs=many: expected an integer, got \"many\"");
    assertThat(message(() -> Overrides.parse(List.of("epochs"))))
        .isEqualTo("--set expects path=value (e.g. train.epochs=2), got \"epochs\"");
  }

  @Test
  void settingTypeSwitchesTheWholeGroupToItsDefaults() {
    String json = "{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":4,\"space\":\"x\"}}";
    ExperimentConfig other = parse(json, "curator.type=other-curator");
    assertThat(other.plugin(PluginKind.CURATOR).name()).isEqualTo("other-curator");
    assertThat(other.resolvedTree().get("curator").toString())
        .isEqualTo("{\"type\":\"other-curator\"}");
    ExperimentConfig back = parse(json, "curator.type=other-curator", "curator.type=test-curator");
    assertThat(back.resolvedTree().get("curator").toString())
        .isEqualTo(
            "{\"type\":\"test-curator\",\"poolFactor\":2.0,\"space\":\"projection\","
                + "\"window\":{\"from\":0,\"to\":10},\"weights\":[1.0]}");
    ExperimentConfig same = parse(json, "curator.type=test-curator");
    assertThat(same.resolvedTree().get("curator").get("poolFactor").doubleValue()).isEqualTo(2.0);
  }

  @Test
  void fieldsSetAfterASwitchApplyOnTopInCommandLineOrder() {
    String json = "{\"curator\":{\"type\":\"other-curator\"}}";
    ExperimentConfig after = parse(json, "curator.type=test-curator", "curator.poolFactor=3");
    TestCuratorProvider.Config cc =
        (TestCuratorProvider.Config) after.plugin(PluginKind.CURATOR).config();
    assertThat(cc.poolFactor()).isEqualTo(3.0);
    assertThat(after.resolvedTree().get("curator").get("poolFactor").doubleValue()).isEqualTo(3.0);
    ExperimentConfig before =
        parse(
            "{\"curator\":{\"type\":\"test-curator\"}}",
            "curator.poolFactor=3",
            "curator.type=test-curator");
    assertThat(
            ((TestCuratorProvider.Config) before.plugin(PluginKind.CURATOR).config()).poolFactor())
        .isEqualTo(2.0);
    ExperimentConfig repeated =
        parse(json, "curator.poolFactor=3", "curator.type=test-curator", "curator.poolFactor=5");
    assertThat(
            ((TestCuratorProvider.Config) repeated.plugin(PluginKind.CURATOR).config())
                .poolFactor())
        .isEqualTo(5.0);
    assertThat(
            parse(json, "train.epochs=4", "loss.type=test-loss")
                .section("train", TestTrain.class)
                .epochs())
        .isEqualTo(4);
  }

  @Test
  void aFieldTheSwitchedPluginLacksNamesThePluginAndItsFields() {
    assertThat(
            message(
                () ->
                    parse(
                        "{\"curator\":{\"type\":\"test-curator\",\"poolFactor\":4}}",
                        "curator.type=other-curator",
                        "curator.poolFactor=3")))
        .isEqualTo(
            "--set curator.poolFactor=3: unknown field of curator \"other-curator\"; known"
                + " fields: []");
    assertThat(message(() -> parse("{}", "curator.type=no-such")))
        .startsWith("--set curator.type=no-such: Unknown curator \"no-such\".");
    assertThat(message(() -> parse("{}", "curator.type=7")))
        .isEqualTo("--set curator.type=7: expected a string naming a curator, got 7");
  }

  @Test
  void typeOfARecordSectionIsAnOrdinaryField() {
    assertThat(message(() -> parse("{\"curator\":{\"type\":\"other-curator\"}}", "train.type=x")))
        .startsWith("--set train.type=x: unknown field; known fields:");
  }

  @Test
  void providerCreateErrorsNameTheField() {
    ExperimentConfig c =
        parse("{\"curator\":{\"type\":\"test-curator\",\"window\":{\"from\":0,\"to\":900}}}");
    assertThat(
            message(
                () ->
                    c.plugin(PluginKind.CURATOR)
                        .create(c.context(), org.batchcuration.api.BatchCurator.class)))
        .isEqualTo("x.json: $.curator.window.to: must be <= 100 x train.epochs, was 900");
  }

  @Test
  void missingFileIsAConfigError(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("nope.json");
    assertThat(message(() -> loader.load(f, Overrides.none())))
        .isEqualTo("nope.json: no such file (" + f.toAbsolutePath() + ")");
    Path ok = dir.resolve("quick.json");
    Files.writeString(ok, "{\"curator\":{\"type\":\"other-curator\"}}");
    assertThat(loader.load(ok, Overrides.none()).defaultRunDir()).isEqualTo(Path.of("runs/quick"));
  }

  @Test
  void jsonPathsParseAndPrint() {
    assertThat(JsonPath.parse("$.a.b[2].c").toString()).isEqualTo("$.a.b[2].c");
    assertThat(JsonPath.parse("train.epochs").steps()).containsExactly("train", "epochs");
    assertThat(message(() -> JsonPath.parse("a..b")))
        .isEqualTo(
            "not a JSON path: \"a..b\" (expected fields separated by '.', e.g. train.epochs)");
  }
}
