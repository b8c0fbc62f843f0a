package org.batchcuration.runner.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The module graph in docs/internal-contracts.md is the poms' graph: between its two marker lines
 * it must list every module of the reactor (profiles and nested reactors included), in reactor
 * order, with its direct framework dependencies by scope, exactly as {@link #graph} writes them
 * from the poms. On a mismatch the failure shows the text to paste.
 */
class ModuleGraphDocTest {
  static final String BEGIN =
      "<!-- module graph: generated from the poms, checked by ModuleGraphDocTest -->";
  static final String END = "<!-- end of module graph -->";
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theDocumentedModuleGraphIsThePoms() throws Exception {
    String doc = Files.readString(ROOT.resolve("docs/internal-contracts.md"));
    int from = doc.indexOf(BEGIN);
    int to = doc.indexOf(END);
    assertThat(from).as("the begin marker in docs/internal-contracts.md").isNotNegative();
    assertThat(to).as("the end marker after the begin marker").isGreaterThan(from);
    String documented = doc.substring(from + BEGIN.length(), to).strip();

    assertThat(documented).isEqualTo(graph().strip());
  }

  @Test
  void theGraphNamesTheModulesTheIssueFoundMissing() throws Exception {
    assertThat(graph())
        .contains("\nrun-folder:")
        .contains("\nbenchmarks:")
        .contains("\nspark-executor:")
        .contains("\nconfig-binding:");
  }

  /** The graph as the doc lists it: a fenced block, one line per module. */
  static String graph() throws Exception {
    StringBuilder out = new StringBuilder("```\n");
    for (Path pom : modulePoms(ROOT.resolve("pom.xml"))) {
      Element project = parse(pom);
      Map<String, List<String>> byScope = new LinkedHashMap<>();
      Element deps = child(project, "dependencies");
      if (deps != null) {
        for (Element d : children(deps, "dependency")) {
          if (!"org.batchcuration".equals(text(d, "groupId"))) {
            continue;
          }
          String scope = text(d, "scope");
          byScope
              .computeIfAbsent(scope == null ? "compile" : scope, s -> new ArrayList<>())
              .add(text(d, "artifactId"));
        }
      }
      StringBuilder line = new StringBuilder(text(project, "artifactId")).append(':');
      if (byScope.isEmpty()) {
        line.append(" -");
      }
      String sep = " ";
      for (String scope : List.of("compile", "provided", "runtime", "test")) {
        List<String> names = byScope.get(scope);
        if (names != null) {
          line.append(sep)
              .append(scope.equals("compile") ? "" : scope + ": ")
              .append(String.join(", ", names));
          sep = "; ";
        }
      }
      out.append(line).append('\n');
    }
    return out.append("```\n").toString();
  }

  /** The pom of every module under {@code pom}, depth first in reactor order. */
  private static List<Path> modulePoms(Path pom) throws Exception {
    List<Path> out = new ArrayList<>();
    Element project = parse(pom);
    NodeList modules = project.getElementsByTagName("module");
    if (!"pom".equals(text(project, "packaging")) || modules.getLength() == 0) {
      out.add(pom);
      return out;
    }
    TreeMap<Integer, String> ordered = new TreeMap<>();
    for (int i = 0; i < modules.getLength(); i++) {
      // a reactor module (also a profile's), not a <module> of a plugin's configuration (the
      // parent's inline checkstyle rules)
      if ("modules".equals(modules.item(i).getParentNode().getNodeName())) {
        ordered.put(i, modules.item(i).getTextContent().strip());
      }
    }
    for (String m : ordered.values()) {
      out.addAll(modulePoms(pom.resolveSibling(m).resolve("pom.xml")));
    }
    return out;
  }

  private static Element parse(Path pom) throws Exception {
    Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    return d.getDocumentElement();
  }

  private static Element child(Element e, String name) {
    List<Element> c = children(e, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static List<Element> children(Element e, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element c && c.getTagName().equals(name)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String text(Element e, String name) {
    Element c = child(e, name);
    return c == null ? null : c.getTextContent().strip();
  }
}
