package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code oracle} curator knows the testbed's ground truth: a config that chooses it without an
 * enabled corruption testbed is bad input (exit 2, one line naming the field), with it it is valid.
 */
class OracleConfigTest {
  @TempDir Path tmp;

  private String config(String corruption) throws Exception {
    Path f = tmp.resolve("oracle.json");
    Files.writeString(
        f,
        "{\"data\": {\"type\": \"synthetic\"}, \"curator\": {\"type\": \"oracle\"}"
            + corruption
            + "}");
    return f.toString();
  }

  @Test
  void refusedWithoutTheTestbed() throws Exception {
    for (String corruption : new String[] {"", ", \"corruption\": {\"fraction\": 0.0}"}) {
      CliHarness r = CliHarness.run(RunnerSetup.standard(), "validate", config(corruption));
      assertThat(r.code).as("exit code, corruption " + corruption).isEqualTo(2);
      assertThat(r.err())
          .startsWith(
              "error: oracle.json: $.curator.type: \"oracle\" knows the corruption testbed's"
                  + " ground truth and is only valid with it: set corruption.fraction > 0\n");
    }
  }

  @Test
  void validWithTheTestbed() throws Exception {
    CliHarness r =
        CliHarness.run(
            RunnerSetup.standard(),
            "validate",
            config(", \"corruption\": {\"fraction\": 0.2, \"mode\": \"swap\"}"));
    assertThat(r.code).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("\"type\" : \"oracle\"").contains("\"maxCuratedFraction\" : 1.0");
  }
}
