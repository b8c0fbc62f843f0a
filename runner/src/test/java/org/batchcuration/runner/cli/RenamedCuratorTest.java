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
 * {@code hard-negative} names a loss; the curator of the same method is {@code
 * hard-negative-weighting}, and its old name {@code hard-negative} is refused as a curator when the
 * config is loaded (exit 2), with a message naming the new one, at the top level and in a control's
 * shadow alike.
 */
class RenamedCuratorTest {
  @TempDir Path tmp;

  private String config(String curator) throws Exception {
    Path f = tmp.resolve("hn.json");
    Files.writeString(
        f,
        "{\"data\": {\"type\": \"synthetic\"}, \"loss\": {\"type\": \"hard-negative\"},"
            + " \"curator\": "
            + curator
            + "}");
    return f.toString();
  }

  @Test
  void theOldCuratorNameIsRefusedNamingTheNewOne() throws Exception {
    CliHarness r =
        CliHarness.run(RunnerSetup.standard(), "validate", config("{\"type\": \"hard-negative\"}"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: hn.json: $.curator.type: curator \"hard-negative\" was renamed to"
                + " \"hard-negative-weighting\"; write \"type\": \"hard-negative-weighting\"");
  }

  @Test
  void theOldNameIsRefusedInAShadowToo() throws Exception {
    CliHarness r =
        CliHarness.run(
            RunnerSetup.standard(),
            "validate",
            config("{\"type\": \"random\", \"shadow\": {\"type\": \"hard-negative\"}}"));
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "error: hn.json: $.curator.shadow.type: curator \"hard-negative\" was renamed to"
                + " \"hard-negative-weighting\"");
  }

  @Test
  void theNewCuratorNameAndTheLossNameLoad() throws Exception {
    CliHarness r =
        CliHarness.run(
            RunnerSetup.standard(),
            "validate",
            config("{\"type\": \"hard-negative-weighting\", \"beta\": 2.0}"));
    assertThat(r.code).as(r.err()).isZero();
    JsonNode resolved = Json.parse(r.out(), "out");
    assertThat(resolved.get("curator").get("type").textValue())
        .isEqualTo("hard-negative-weighting");
    assertThat(resolved.get("loss").get("type").textValue()).isEqualTo("hard-negative");
  }
}
