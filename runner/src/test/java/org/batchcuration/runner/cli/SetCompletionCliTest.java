package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./curation completion} run in bash: {@code --set} paths, plugin names and enum values,
 * with and without {@code =} in {@code COMP_WORDBREAKS}, and the subcommands and options as before.
 */
class SetCompletionCliTest {
  @TempDir Path dir;
  private Path script;

  @BeforeEach
  void writeScript() throws Exception {
    CliHarness r = CliHarness.run(RunnerSetup.standard(), "completion");
    assertThat(r.code).as(r.err()).isZero();
    script = dir.resolve("curation.bash");
    Files.writeString(script, r.out());
  }

  /** What completing {@code line} (the cursor at its end) offers. */
  private String complete(String line, boolean equalsBreaksWords) throws Exception {
    String driver =
        """
        source "$1"
        %s
        COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"
        [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        COMPREPLY=()
        _complete_curation_with_set curation 2>/dev/null
        echo "${COMPREPLY[*]}"
        """
            .formatted(equalsBreaksWords ? "" : "COMP_WORDBREAKS=$' \\t\\n'");
    Process p =
        new ProcessBuilder("bash", "-c", driver, "bash", script.toString(), line)
            .redirectErrorStream(false)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void setCompletesConfigPathsFromTheSchema() throws Exception {
    assertThat(complete("./curation train q.json --set train.ep", true)).isEqualTo("train.epochs=");
    assertThat(complete("./curation validate q.json --set eval.knn", true).split(" "))
        .contains("eval.knnK=");
    assertThat(complete("./curation ablate a.json --set curator.warm", true))
        .isEqualTo("curator.warmupEpochs=");
  }

  @Test
  void setCompletesPluginNamesAfterType() throws Exception {
    assertThat(complete("./curation train q.json --set curator.type=", true).split(" "))
        .contains("batch-curation", "none", "random", "hard-negative-weighting");
    assertThat(complete("./curation train q.json --set curator.type=ha", true))
        .isEqualTo("hard-negative-weighting");
    assertThat(complete("./curation train q.json --set loss.type=nt", true)).isEqualTo("nt-xent");
    assertThat(complete("./curation train q.json --set curator.type=ha", false))
        .isEqualTo("curator.type=hard-negative-weighting");
  }

  @Test
  void setCompletesEnumAndBooleanValues() throws Exception {
    assertThat(complete("./curation train q.json --set curator.action=", true).split(" "))
        .contains("drop", "reweight", "select");
    assertThat(complete("./curation train q.json --set corruption.mode=", true).split(" "))
        .contains("swap", "overcrop");
    assertThat(complete("./curation train q.json --set engine=", true)).isEqualTo("mxnet pytorch");
    assertThat(complete("./curation train q.json --set head.batchNorm=", true))
        .isEqualTo("false true");
    assertThat(complete("./curation train q.json --set train.epochs=", true)).isEmpty();
  }

  @Test
  void subcommandsAndOptionsStillComplete() throws Exception {
    assertThat(complete("./curation tr", true)).isEqualTo("train");
    assertThat(complete("./curation train --ov", true)).isEqualTo("--overwrite");
    assertThat(complete("./curation ablate --se", true).split(" ")).contains("--seeds", "--set");
  }
}
