package org.batchcuration.runner.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.batchcuration.api.PluginInfo;
import org.batchcuration.configbinding.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code plugins}: every plugin on the class path with its artifact, version and jar. */
@Command(
    name = "plugins",
    description = "List every plugin found on the class path (and in plugins/).",
    mixinStandardHelpOptions = true)
final class PluginsCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    List<PluginInfo> plugins = main.setup().registry().plugins();
    PrintWriter out = main.out();
    if (json) {
      ArrayNode arr = JsonNodeFactory.instance.arrayNode();
      for (PluginInfo p : plugins) {
        ObjectNode o = arr.addObject();
        o.put("kind", p.kind().id());
        o.put("name", p.name());
        o.put("class", p.className());
        o.put("artifact", p.artifact());
        o.put("version", p.version());
        o.put("jar", p.location());
        o.put("description", p.description());
      }
      out.print(Json.pretty(arr));
    } else {
      Table t = new Table("KIND", "NAME", "ARTIFACT", "VERSION", "DESCRIPTION");
      for (PluginInfo p : plugins) {
        t.row(p.kind().id(), p.name(), p.artifact(), p.version(), p.description());
      }
      t.print(out);
      out.println();
      for (PluginInfo p : plugins) {
        out.println(p.kind().id() + " " + p.name() + ": " + p.className() + " in " + p.location());
      }
    }
    return ExitCodes.OK;
  }
}
