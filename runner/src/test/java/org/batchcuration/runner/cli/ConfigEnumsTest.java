package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.configbinding.Json;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closed sets of config values are enums in the plugins' config records, named in JSON by their
 * lower-case names: the same JSON binds, the resolved config writes the same strings, and a value
 * outside the set is refused naming the field and the allowed values, through the real loader.
 */
class ConfigEnumsTest {
  @TempDir Path tmp;

  private String config(String curator) throws Exception {
    Path f = tmp.resolve("e.json");
    Files.writeString(
        f, "{\"data\": {\"type\": \"synthetic\"}, \"curator\": {\"type\": \"" + curator + "\"}}");
    return f.toString();
  }

  private CliHarness validate(String... sets) throws Exception {
    return validateWith("batch-curation", sets);
  }

  private CliHarness validateWith(String curator, String... sets) throws Exception {
    String[] args = new String[2 + 2 * sets.length];
    args[0] = "validate";
    args[1] = config(curator);
    for (int i = 0; i < sets.length; i++) {
      args[2 + 2 * i] = "--set";
      args[3 + 2 * i] = sets[i];
    }
    return CliHarness.run(RunnerSetup.standard(), args);
  }

  @Test
  void lowerCaseNamesBindAndAreWrittenBack() throws Exception {
    CliHarness r = validate("curator.space=representation");
    assertThat(r.code).as(r.err()).isZero();
    JsonNode curator = Json.parse(r.out(), "out").get("curator");
    assertThat(curator.get("space").textValue()).isEqualTo("representation");
    CliHarness defaults = validate();
    assertThat(defaults.code).as(defaults.err()).isZero();
    assertThat(Json.parse(defaults.out(), "out").get("curator").get("space").textValue())
        .isEqualTo("projection");
  }

  @Test
  void aValueOutsideTheSetNamesTheFieldAndTheAllowedValues() throws Exception {
    CliHarness r = validate("curator.space=z");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --set curator.space=z: must be one of [projection, representation], was"
                + " \"z\"");
    CliHarness upper = validate("curator.space=PROJECTION");
    assertThat(upper.code).isEqualTo(2);
    assertThat(upper.err())
        .startsWith(
            "error: --set curator.space=PROJECTION: must be one of [projection, representation]");
    CliHarness number = validate("curator.space=1");
    assertThat(number.code).isEqualTo(2);
    assertThat(number.err()).startsWith("error: --set curator.space=1: ");
  }

  private static JsonNode curator(CliHarness r) {
    assertThat(r.code).as(r.err()).isZero();
    return Json.parse(r.out(), "out").get("curator");
  }

  private static void refused(CliHarness r, String field, String allowed, String was) {
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --set curator."
                + field
                + "="
                + was.replace("\"", "")
                + ": must be one of "
                + allowed
                + ", was "
                + was);
  }

  @Test
  void batchCurationScoreAndFalseNegatives() throws Exception {
    JsonNode defaults = curator(validate());
    assertThat(defaults.get("score").textValue()).isEqualTo("rank");
    assertThat(defaults.get("falseNegatives").textValue()).isEqualTo("keep");
    JsonNode set = curator(validate("curator.score=margin", "curator.falseNegatives=remove"));
    assertThat(set.get("score").textValue()).isEqualTo("margin");
    assertThat(set.get("falseNegatives").textValue()).isEqualTo("remove");
    refused(validate("curator.score=loss"), "score", "[rank, margin]", "\"loss\"");
    refused(
        validate("curator.falseNegatives=drop"), "falseNegatives", "[keep, remove]", "\"drop\"");
  }

  @Test
  void falseNegativeAggregateAndSelection() throws Exception {
    for (String type : new String[] {"false-negative-elimination", "false-negative-attraction"}) {
      JsonNode defaults = curator(validateWith(type));
      assertThat(defaults.get("aggregate").textValue()).isEqualTo("mean");
      assertThat(defaults.get("selection").textValue()).isEqualTo("top-k");
      JsonNode set =
          curator(validateWith(type, "curator.aggregate=max", "curator.selection=threshold"));
      assertThat(set.get("aggregate").textValue()).isEqualTo("max");
      assertThat(set.get("selection").textValue()).isEqualTo("threshold");
      refused(validateWith(type, "curator.aggregate=sum"), "aggregate", "[mean, max]", "\"sum\"");
      refused(
          validateWith(type, "curator.selection=top_k"),
          "selection",
          "[top-k, threshold]",
          "\"top_k\"");
    }
  }

  @Test
  void aShadowsEnumsBindAndAreRefusedTheSameWay() throws Exception {
    JsonNode shadow =
        curator(
                validateWith(
                    "random", "curator.shadow.type=batch-curation", "curator.shadow.score=margin"))
            .get("shadow");
    assertThat(shadow.get("score").textValue()).isEqualTo("margin");
    assertThat(shadow.get("falseNegatives").textValue()).isEqualTo("keep");
    CliHarness r =
        validateWith("random", "curator.shadow.type=batch-curation", "curator.shadow.score=x");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .contains("--set curator.shadow.score=x: must be one of [rank, margin], was \"x\"");
  }

  @Test
  void corruptionMode() throws Exception {
    JsonNode defaults = Json.parse(validate("corruption.fraction=0.2").out(), "out");
    assertThat(defaults.get("corruption").get("mode").textValue()).isEqualTo("swap");
    CliHarness over = validate("corruption.fraction=0.2", "corruption.mode=overcrop");
    assertThat(over.code).as(over.err()).isZero();
    assertThat(Json.parse(over.out(), "out").get("corruption").get("mode").textValue())
        .isEqualTo("overcrop");
    // moved from datasets PairCorruptionTest: the record can no longer be built with "blur"
    CliHarness r = validate("corruption.mode=blur");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --set corruption.mode=blur: must be one of [swap, confusable-swap, overcrop],"
                + " was \"blur\"");
  }

  @Test
  void cifar100Labels() throws Exception {
    CliHarness coarse = validate("data.type=cifar100", "data.labels=coarse");
    assertThat(coarse.code).as(coarse.err()).isZero();
    JsonNode data = Json.parse(coarse.out(), "out").get("data");
    assertThat(data.get("labels").textValue()).isEqualTo("coarse");
    CliHarness fine = validate("data.type=cifar100");
    assertThat(fine.code).as(fine.err()).isZero();
    assertThat(Json.parse(fine.out(), "out").get("data").get("labels").textValue())
        .isEqualTo("fine");
    // moved from datasets ConfigDefaultsTest: the record can no longer be built with "medium"
    CliHarness r = validate("data.type=cifar100", "data.labels=medium");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --set data.labels=medium: must be one of [fine, coarse], was \"medium\"");
  }

  private static void refusedAt(CliHarness r, String path, String allowed, String was) {
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: --set "
                + path
                + "="
                + was.replace("\"", "")
                + ": must be one of "
                + allowed
                + ", was "
                + was);
  }

  @Test
  void encoderStemOptimizerAndScheduleTypes() throws Exception {
    CliHarness ok =
        validate(
            "encoder.type=resnet18",
            "encoder.stem=imagenet",
            "optimizer.type=adamw",
            "schedule.type=constant");
    assertThat(ok.code).as(ok.err()).isZero();
    JsonNode out = Json.parse(ok.out(), "out");
    assertThat(out.get("encoder").get("stem").textValue()).isEqualTo("imagenet");
    assertThat(out.get("optimizer").get("type").textValue()).isEqualTo("adamw");
    assertThat(out.get("schedule").get("type").textValue()).isEqualTo("constant");
    CliHarness defaults = validate("encoder.type=resnet18");
    assertThat(defaults.code).as(defaults.err()).isZero();
    JsonNode d = Json.parse(defaults.out(), "out");
    assertThat(d.get("encoder").get("stem").textValue()).isEqualTo("auto");
    assertThat(d.get("optimizer").get("type").textValue()).isEqualTo("adam");
    assertThat(d.get("schedule").get("type").textValue()).isEqualTo("cosine");
    // moved from simclr-model EncoderShapeTest and ConfigsTest: the records can no longer be
    // built with these values
    refusedAt(
        validate("encoder.type=resnet18", "encoder.stem=big"),
        "encoder.stem",
        "[auto, cifar, imagenet]",
        "\"big\"");
    refusedAt(
        validate("optimizer.type=rmsprop"),
        "optimizer.type",
        "[lars, adam, adamw, sgd]",
        "\"rmsprop\"");
    refusedAt(validate("schedule.type=step"), "schedule.type", "[cosine, constant]", "\"step\"");
  }

  @Test
  void trainNonFinite() throws Exception {
    assertThat(Json.parse(validate().out(), "out").get("train").get("nonFinite").textValue())
        .isEqualTo("stop");
    CliHarness skip = validate("train.nonFinite=skip");
    assertThat(skip.code).as(skip.err()).isZero();
    assertThat(Json.parse(skip.out(), "out").get("train").get("nonFinite").textValue())
        .isEqualTo("skip");
    // moved from training SettingsTest: the record can no longer be built with "ignore"
    refusedAt(validate("train.nonFinite=ignore"), "train.nonFinite", "[stop, skip]", "\"ignore\"");
  }

  @Test
  void engine() throws Exception {
    // ConfigLoaderTest keeps its pin of "$.engine: must be one of [mxnet, pytorch], was \"tf\""
    assertThat(Json.parse(validate().out(), "out").get("engine").textValue()).isEqualTo("mxnet");
    CliHarness torch = validate("engine=pytorch");
    assertThat(torch.code).as(torch.err()).isZero();
    assertThat(Json.parse(torch.out(), "out").get("engine").textValue()).isEqualTo("pytorch");
    refusedAt(validate("engine=MXNET"), "engine", "[mxnet, pytorch]", "\"MXNET\"");
  }

  @Test
  void curatorActions() throws Exception {
    assertThat(curator(validate()).get("action").textValue()).isEqualTo("drop");
    assertThat(curator(validate("curator.action=redraw")).get("action").textValue())
        .isEqualTo("redraw");
    refused(
        validate("curator.action=auto"), "action", "[drop, reweight, select, redraw]", "\"auto\"");
    // the old name binds only to be refused naming the new one, at the top level as in a shadow
    CliHarness renamed = validate("curator.action=reaugment");
    assertThat(renamed.code).isEqualTo(2);
    assertThat(renamed.err())
        .startsWith(
            "error: --set curator.action=reaugment: \"reaugment\" was renamed to \"redraw\";"
                + " write"
                + " \"action\": \"redraw\"");
  }

  @Test
  void randomActions() throws Exception {
    // auto resolves to drop without a shadow, to the shadow's action with one
    assertThat(curator(validateWith("random")).get("action").textValue()).isEqualTo("drop");
    JsonNode matched =
        curator(
            validateWith(
                "random", "curator.shadow.type=batch-curation", "curator.shadow.action=select"));
    assertThat(matched.get("action").textValue()).isEqualTo("select");
    assertThat(matched.get("shadow").get("action").textValue()).isEqualTo("select");
    assertThat(
            curator(validateWith("random", "curator.shadow.type=loss-selection"))
                .get("action")
                .textValue())
        .isEqualTo("select");
    assertThat(curator(validateWith("random", "curator.action=reweight")).get("action").textValue())
        .isEqualTo("reweight");
    refused(
        validateWith("random", "curator.action=x"),
        "action",
        "[auto, drop, reweight, select, redraw]",
        "\"x\"");
    CliHarness renamed = validateWith("random", "curator.action=reaugment");
    assertThat(renamed.code).isEqualTo(2);
    assertThat(renamed.err())
        .startsWith(
            "error: --set curator.action=reaugment: \"reaugment\" was renamed to \"redraw\";"
                + " write"
                + " \"action\": \"redraw\"");
  }
}
