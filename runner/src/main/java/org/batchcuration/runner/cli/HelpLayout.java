package org.batchcuration.runner.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The description, parameter and option sections of every command's {@code --help}, wrapped at
 * spaces only, so that names, paths and URIs ({@code summary.md}, {@code hdfs://namenode/path},
 * {@code hard-negative-weighting}) are never split across lines (picocli's own wrapping breaks
 * after {@code .}, {@code /} and {@code -}). A word longer than the column gets a line of its own.
 * Each option that has a default and whose description does not already state one ends with {@code
 * Default: VALUE}. Stateless.
 */
final class HelpLayout {
  /** The width of the help text. */
  static final int WIDTH = 80;

  /** Where descriptions start: picocli's usual column. */
  private static final int COLUMN = 25;

  private HelpLayout() {}

  /** Installs the layout on {@code cmd} and all its subcommands. */
  static void install(CommandLine cmd) {
    cmd.getCommandSpec().usageMessage().showDefaultValues(true);
    cmd.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
            help -> description(help.commandSpec()));
    cmd.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
            help -> parameters(help.commandSpec()));
    cmd.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
            help -> options(help.commandSpec()));
    cmd.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
            help -> commands(help.commandSpec()));
    cmd.getSubcommands().values().forEach(HelpLayout::install);
  }

  /** {@code Commands:} and each subcommand with the first line of its description. */
  private static String commands(CommandSpec spec) {
    if (spec.subcommands().isEmpty()) {
      return "";
    }
    int width = 0;
    for (String name : spec.subcommands().keySet()) {
      width = Math.max(width, name.length());
    }
    StringBuilder out = new StringBuilder();
    for (var e : spec.subcommands().entrySet()) {
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      String first = description.length == 0 ? "" : description[0];
      wrap(first, width + 4, width + 6, out, "  " + e.getKey());
    }
    return out.toString();
  }

  private static String description(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : spec.usageMessage().description()) {
      wrap(paragraph, 0, 0, out);
    }
    return out.toString();
  }

  private static String parameters(CommandSpec spec) {
    StringBuilder out = new StringBuilder();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        entry("      " + p.paramLabel(), p, out);
      }
    }
    return out.toString();
  }

  private static String options(CommandSpec spec) {
    List<OptionSpec> shown = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        shown.add(o);
      }
    }
    shown.sort(Comparator.comparing(HelpLayout::sortKey));
    StringBuilder out = new StringBuilder();
    for (OptionSpec o : shown) {
      entry(names(o), o, out);
    }
    return out.toString();
  }

  /** Options sort by their long name without dashes, as picocli sorts them. */
  private static String sortKey(OptionSpec o) {
    return o.longestName().replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
  }

  /** {@code -h, --help} or {@code --out=DIR}. */
  private static String names(OptionSpec o) {
    String[] names = o.names().clone();
    Arrays.sort(names, Comparator.comparingInt(String::length));
    String joined = String.join(", ", names);
    String label = o.arity().max() > 0 ? "=" + o.paramLabel() : "";
    boolean hasShort = names[0].length() == 2;
    return (hasShort ? "  " : "      ") + joined + label;
  }

  private static void entry(String left, ArgSpec arg, StringBuilder out) {
    List<String> paragraphs = new ArrayList<>(Arrays.asList(arg.description()));
    defaultLine(arg).ifPresent(paragraphs::add);
    boolean first = true;
    if (left.length() + 2 > COLUMN) {
      out.append(left).append('\n');
      first = false;
    }
    for (String paragraph : paragraphs) {
      String lead = first ? left : "";
      wrap(paragraph, COLUMN, first ? COLUMN : COLUMN + 2, out, lead);
      first = false;
    }
    if (first) {
      out.append(left).append('\n');
    }
  }

  /** {@code Default: VALUE} for an option or parameter whose description states no default. */
  private static java.util.Optional<String> defaultLine(ArgSpec arg) {
    if (arg instanceof OptionSpec o && (o.usageHelp() || o.versionHelp() || o.arity().max() == 0)) {
      return java.util.Optional.empty();
    }
    String joined = String.join(" ", arg.description()).toLowerCase(Locale.ROOT);
    String value = arg.defaultValueString();
    if (joined.contains("default")
        || value == null
        || value.equals("null")
        || value.equals("[]")
        || value.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of("Default: " + value);
  }

  private static void wrap(String text, int firstIndent, int indent, StringBuilder out) {
    wrap(text, firstIndent, indent, out, "");
  }

  /**
   * Appends {@code text} wrapped at spaces to {@link #WIDTH}: the first line starts with {@code
   * lead} padded to {@code firstIndent}, the others at {@code indent}.
   */
  private static void wrap(
      String text, int firstIndent, int indent, StringBuilder out, String lead) {
    StringBuilder line = new StringBuilder(pad(lead, firstIndent));
    int start = line.length();
    for (String word : text.trim().split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder(" ".repeat(indent));
        start = line.length();
      }
      if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
