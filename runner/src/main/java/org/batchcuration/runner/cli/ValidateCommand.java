package org.batchcuration.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Injector;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.batchcuration.api.Augmenter;
import org.batchcuration.api.BatchCurator;
import org.batchcuration.api.ContrastiveLoss;
import org.batchcuration.api.DatasetSource;
import org.batchcuration.api.InvalidConfigException;
import org.batchcuration.api.PluginKind;
import org.batchcuration.configbinding.Json;
import org.batchcuration.configbinding.JsonPath;
import org.batchcuration.configbinding.RecordBinder;
import org.batchcuration.runner.ablation.AblationPlan;
import org.batchcuration.runner.ablation.AblationRunner;
import org.batchcuration.runner.api.ExperimentRunner;
import org.batchcuration.runner.config.ConfigLoader;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.inject.Injectors;
import org.batchcuration.runner.warnings.RunWarnings;
import org.batchcuration.training.Devices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code validate CONFIG}: resolves the config, creates the plugins that are cheap to create
 * (dataset source, augmenter, loss, curator; no data is read and no model is built) and prints the
 * resolved config on stdout, then on stderr the device a run would use ({@code device: cpu (auto;
 * MXNet sees no GPU)}); a {@code gpu} device the engine cannot see is bad input.
 */
@Command(
    name = "validate",
    description =
        "Check a config (print it with every default filled in) or an ablation (every run).",
    mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
  /** What each kind creates; the encoder needs the data's shape, so validation leaves it out. */
  private static final Map<PluginKind, Optional<Class<?>>> CHEAP =
      Map.of(
          PluginKind.DATASET, Optional.of(DatasetSource.class),
          PluginKind.AUGMENTER, Optional.of(Augmenter.class),
          PluginKind.LOSS, Optional.of(ContrastiveLoss.class),
          PluginKind.CURATOR, Optional.of(BatchCurator.class),
          PluginKind.ENCODER, Optional.empty());

  @ParentCommand Main main;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG", description = "The experiment's JSON config.")
  Path config;

  @Mixin ConfigOptions options = new ConfigOptions();

  @Override
  public Integer call() {
    if (isAblation(config)) {
      return validateAblation();
    }
    ExperimentConfig c = options.load(main.setup().configLoader(), config, spec.commandLine());
    Injector inj = Injectors.create(c, main.setup().registry(), main.setup().classLoader());
    for (PluginKind kind : c.pluginKinds()) {
      CHEAP.getOrDefault(kind, Optional.empty()).ifPresent(type -> Injectors.get(inj, type));
    }
    Devices devices = devices(c);
    main.out().print(c.resolvedJson());
    main.out().flush();
    main.err().println(devices.describe());
    Warnings.print(main.err(), RunWarnings.of(c));
    return ExitCodes.OK;
  }

  /**
   * The devices the run would use (starting the engine, whose start-up lines go to the log).
   *
   * @throws org.batchcuration.configbinding.ConfigException ({@code $.device}) for a GPU the engine
   *     cannot see
   */
  static Devices devices(ExperimentConfig c) {
    try {
      return Devices.resolve(c.engine().toString(), c.deviceSpec());
    } catch (InvalidConfigException e) {
      throw RecordBinder.translate(e, JsonPath.root(), c.source());
    }
  }

  /** An ablation file is an object with a {@code base}; an experiment config has none. */
  static boolean isAblation(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    JsonNode tree = Json.parse(ConfigLoader.read(file, name), name);
    return tree.isObject() && tree.has("base");
  }

  private int validateAblation() {
    AblationPlan plan = AblationPlan.load(config);
    AblationRunner runner = new AblationRunner(new ExperimentRunner(main.setup()), line -> {});
    List<AblationRunner.Planned> runs =
        runner.plan(plan, Path.of("runs"), options.overrides(spec.commandLine()));
    for (AblationRunner.Planned p : runs) {
      Injector inj =
          Injectors.create(p.config(), main.setup().registry(), main.setup().classLoader());
      for (PluginKind kind : p.config().pluginKinds()) {
        CHEAP.getOrDefault(kind, Optional.empty()).ifPresent(type -> Injectors.get(inj, type));
      }
      devices(p.config());
    }
    Table t = new Table("CELL", "SETS");
    for (AblationPlan.Cell c : plan.cells()) {
      t.row(c.name(), c.overridesText().toString());
    }
    t.print(main.out());
    Warnings.print(main.err(), RunWarnings.ofAblation(runs));
    main.out()
        .println(
            "ablation ok: "
                + plan.cells().size()
                + " cells x "
                + plan.seeds().size()
                + " seeds = "
                + runs.size()
                + " runs");
    return ExitCodes.OK;
  }
}
