package org.batchcuration.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.batchcuration.runner.config.RunnerSetup;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --version}, {@code --help} of every command and the unknown-command hint, through the CLI.
 */
class HelpAndVersionCliTest {
  private final RunnerSetup setup = RunnerSetup.standard();

  @Test
  void versionShowsTheProjectVersionAndTheCommitItWasBuiltFrom() throws Exception {
    CliHarness r = CliHarness.run(setup, "--version");
    assertThat(r.code).isZero();
    String first = r.out().lines().findFirst().orElseThrow();
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(pom);
    assertThat(m.find()).isTrue();
    String version = m.group(1);
    assertThat(first)
        .startsWith("batch-curation " + version + " (commit ")
        .doesNotContain("unknown");
    Process git =
        new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD")
            .redirectErrorStream(true)
            .start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
    if (git.exitValue() == 0) {
      assertThat(first)
          .matches("batch-curation \\S+ \\(commit " + head + "(, with local changes)?\\)");
    } else {
      assertThat(first).isEqualTo("batch-curation " + version + " (commit unknown)");
    }
    assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).startsWith("Java 17");
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOne() {
    CliHarness r = CliHarness.run(setup, "trian", "x.json");
    assertThat(r.code).isEqualTo(2);
    assertThat(r.err())
        .startsWith("Unmatched arguments from index 0: 'trian', 'x.json'")
        .contains("Did you mean: curation train?");
  }

  @Test
  void helpNeverWrapsInsideAWordOrName() {
    for (CommandSpec spec : commands()) {
      String help = help(spec);
      Set<String> shown = new HashSet<>(List.of(help.split("\\s+")));
      for (String text : texts(spec)) {
        for (String word : text.trim().split("\\s+")) {
          assertThat(shown)
              .as("'%s' in the help of %s:%n%s", word, spec.qualifiedName(), help)
              .contains(word);
        }
      }
      for (String line : help.split("\n")) {
        assertThat(line.length()).as(line).isLessThanOrEqualTo(HelpLayout.WIDTH);
      }
    }
  }

  @Test
  void everyOptionThatTakesAValueStatesItsDefault() {
    for (CommandSpec spec : commands()) {
      Map<String, String> blocks = optionBlocks(help(spec));
      for (OptionSpec o : spec.options()) {
        if (o.arity().max() == 0 || o.required() || o.hidden()) {
          continue;
        }
        assertThat(blocks.get(o.longestName()))
            .as("%s %s", spec.qualifiedName(), o.longestName())
            .containsIgnoringCase("default");
      }
    }
  }

  @Test
  void aDefaultFromTheFieldIsShownAndNoneIsRepeated() {
    CommandSpec embed = root().getSubcommands().get("embed").getCommandSpec();
    assertThat(optionBlocks(help(embed)).get("--split")).contains("Default: test");
    CommandSpec train = root().getSubcommands().get("train").getCommandSpec();
    assertThat(optionBlocks(help(train)).get("--out"))
        .containsOnlyOnce("default")
        .doesNotContain("Default:");
  }

  private CommandLine root() {
    CommandLine cmd =
        new CommandLine(
            new Main(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), setup));
    RuntimeCommands.addTo(cmd);
    HelpLayout.install(cmd);
    return cmd;
  }

  private List<CommandSpec> commands() {
    List<CommandSpec> out = new ArrayList<>();
    CommandLine root = root();
    out.add(root.getCommandSpec());
    root.getSubcommands().values().forEach(c -> out.add(c.getCommandSpec()));
    return out;
  }

  private static String help(CommandSpec spec) {
    StringWriter w = new StringWriter();
    spec.commandLine().usage(new PrintWriter(w), CommandLine.Help.Ansi.OFF);
    return w.toString();
  }

  /** Every description the help shows, as written. */
  private static List<String> texts(CommandSpec spec) {
    List<String> out = new ArrayList<>(List.of(spec.usageMessage().description()));
    spec.options().forEach(o -> out.addAll(List.of(o.description())));
    spec.positionalParameters().forEach(p -> out.addAll(List.of(p.description())));
    spec.subcommands()
        .values()
        .forEach(c -> out.add(c.getCommandSpec().usageMessage().description()[0]));
    return out;
  }

  /** Each option's lines in the help, by its longest name. */
  private static Map<String, String> optionBlocks(String help) {
    Map<String, String> blocks = new LinkedHashMap<>();
    Pattern start = Pattern.compile("^ {2,6}(?:-\\w, )?(--[\\w-]+)");
    String current = null;
    for (String line : help.split("\n")) {
      Matcher m = start.matcher(line);
      if (m.find()) {
        current = m.group(1);
        blocks.put(current, line);
      } else if (current != null && line.startsWith(" ".repeat(20))) {
        blocks.merge(current, "\n" + line, String::concat);
      } else {
        current = null;
      }
    }
    return blocks;
  }
}
