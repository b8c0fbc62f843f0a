package org.batchcuration.runner.cli;

import java.util.concurrent.Callable;
import org.batchcuration.runner.config.ConfigPaths;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code completion}: prints a bash completion script for {@code ./curation} (picocli's {@link
 * AutoComplete} for commands and options, and {@link SetCompletion} for the paths, plugin names and
 * enum values of {@code --set}), which zsh also loads through {@code bashcompinit}.
 */
@Command(
    name = "completion",
    description = {
      "Print a bash/zsh completion script for ./curation.",
      "bash: source <(./curation completion)",
      "zsh:  autoload -U +X compinit && compinit; autoload -U +X bashcompinit && bashcompinit;"
          + " source <(./curation completion)"
    },
    mixinStandardHelpOptions = true)
final class CompletionCommand implements Callable<Integer> {
  @CommandLine.ParentCommand Main main;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    main.out().print(AutoComplete.bash("curation", spec.root().commandLine()));
    main.out()
        .print(
            SetCompletion.script(ConfigPaths.of(main.setup().schema(), main.setup().registry())));
    main.out().flush();
    return ExitCodes.OK;
  }
}
