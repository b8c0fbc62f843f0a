package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runner.config.Json;
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

  private String config() throws Exception {
    Path f = tmp.resolve("e.json");
    Files.writeString(
        f, "{\"data\": {\"type\": \"synthetic\"}, \"curator\": {\"type\": \"batch-curation\"}}");
    return f.toString();
  }

  private CliHarness validate(String... sets) throws Exception {
    String[] args = new String[2 + 2 * sets.length];
    args[0] = "validate";
    args[1] = config();
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
            "error: e.json: $.curator.space: must be one of [projection, representation], was"
                + " \"z\"");
    CliHarness upper = validate("curator.space=PROJECTION");
    assertThat(upper.code).isEqualTo(2);
    assertThat(upper.err())
        .startsWith("error: e.json: $.curator.space: must be one of [projection, representation]");
    CliHarness number = validate("curator.space=1");
    assertThat(number.code).isEqualTo(2);
    assertThat(number.err()).startsWith("error: e.json: $.curator.space: ");
  }
}
