package org.batchcuration.runner.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.batchcuration.api.CuratorProvider;
import org.batchcuration.api.PluginKind;
import org.batchcuration.runner.ablation.AblationRunner;
import org.batchcuration.runner.config.ExperimentConfig;
import org.batchcuration.runner.config.PluginChoice;

/**
 * Warnings about runs that cannot do what their config says, found from resolved configs alone
 * (nothing is built or read): a curator that can never act in the run's epochs (its {@link
 * CuratorProvider#firstActiveEpoch} is at least {@code train.epochs}), a corruption testbed with a
 * curator that publishes no pair score (the AUROC will be empty), and ablation cells that resolve
 * to the same training. Each warning is one line without the {@code warning: } prefix, which the
 * command line adds; the same warning is listed once. Stateless.
 */
public final class RunWarnings {
  private RunWarnings() {}

  /** The warnings about one experiment, in a fixed order. */
  public static List<String> of(ExperimentConfig config) {
    return List.copyOf(about(config, ""));
  }

  /**
   * The warnings about an ablation's runs: each cell's own (named by the cell, once per cell even
   * with several seeds), then one per group of cells whose configs are identical apart from {@code
   * output} for the same seed.
   */
  public static List<String> ofAblation(List<AblationRunner.Planned> runs) {
    Set<String> out = new LinkedHashSet<>();
    for (AblationRunner.Planned p : runs) {
      out.addAll(about(p.config(), "cell \"" + p.cell().name() + "\": "));
    }
    Map<Long, Map<JsonNode, List<String>>> bySeed = new LinkedHashMap<>();
    for (AblationRunner.Planned p : runs) {
      ObjectNode training = p.config().resolvedTree();
      training.remove("output");
      bySeed
          .computeIfAbsent(p.seed(), s -> new LinkedHashMap<>())
          .computeIfAbsent(training, t -> new ArrayList<>())
          .add(p.cell().name());
    }
    for (Map<JsonNode, List<String>> groups : bySeed.values()) {
      for (List<String> cells : groups.values()) {
        if (cells.size() > 1) {
          out.add(
              "cells "
                  + quoted(cells)
                  + " resolve to the same training (identical resolved configs apart from"
                  + " output): their results will be the same, and the comparison between them"
                  + " measures nothing");
        }
      }
    }
    return List.copyOf(out);
  }

  private static List<String> about(ExperimentConfig config, String prefix) {
    Objects.requireNonNull(config, "config");
    List<String> out = new ArrayList<>();
    if (!config.pluginKinds().contains(PluginKind.CURATOR)) {
      return out;
    }
    PluginChoice curator = config.plugin(PluginKind.CURATOR);
    if (!(curator.provider() instanceof CuratorProvider<?> provider)) {
      return out;
    }
    ObjectNode tree = config.resolvedTree();
    JsonNode epochs = tree.at("/train/epochs");
    int first = firstActiveEpoch(provider, curator.config());
    if (epochs.isInt() && first >= epochs.intValue()) {
      out.add(
          prefix
              + "curator \""
              + curator.name()
              + "\" can never act: it starts in epoch "
              + first
              + " and the run trains epochs 0 to "
              + (epochs.intValue() - 1)
              + " (train.epochs="
              + epochs.intValue()
              + "), so this trains plain SimCLR; lower its warmupEpochs or raise train.epochs");
    }
    JsonNode fraction = tree.at("/corruption/fraction");
    if (fraction.isNumber()
        && fraction.doubleValue() > 0
        && !publishesPairScores(provider, curator.config())) {
      out.add(
          prefix
              + "curator \""
              + curator.name()
              + "\" publishes no pair score, so the corruption testbed's AUROC will be empty"
              + " (its precision and recall of the flagged pairs are still measured)");
    }
    return out;
  }

  private static String quoted(List<String> names) {
    List<String> q = new ArrayList<>();
    names.forEach(n -> q.add("\"" + n + "\""));
    return String.join(", ", q);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> int firstActiveEpoch(CuratorProvider<C> p, Record config) {
    return p.firstActiveEpoch((C) config);
  }

  @SuppressWarnings("unchecked")
  private static <C extends Record> boolean publishesPairScores(
      CuratorProvider<C> p, Record config) {
    return p.publishesPairScores((C) config);
  }
}
