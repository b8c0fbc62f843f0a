package org.batchcuration.reporting;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;

/**
 * The contents of {@code projection2d.json}: {@code {"x":[..],"y":[..],"label":[..]}} and, when the
 * dataset names its classes, {@code "classNames":[..]} in label order (the chart's legend uses
 * them; otherwise {@code class 0}, {@code class 1}, ...).
 */
record Projection(float[] x, float[] y, int[] label, int classes, List<String> classNames) {
  Projection {
    classNames = List.copyOf(classNames);
  }

  /** Parses the file's JSON; empty when the arrays are missing, empty or of different lengths. */
  static Optional<Projection> of(JsonNode n) {
    JsonNode xs = n.get("x");
    JsonNode ys = n.get("y");
    JsonNode ls = n.get("label");
    if (xs == null || ys == null || ls == null || !xs.isArray() || xs.isEmpty()) {
      return Optional.empty();
    }
    int count = xs.size();
    if (ys.size() != count || ls.size() != count) {
      return Optional.empty();
    }
    float[] x = new float[count];
    float[] y = new float[count];
    int[] label = new int[count];
    int classes = 0;
    for (int i = 0; i < count; i++) {
      x[i] = (float) xs.get(i).asDouble();
      y[i] = (float) ys.get(i).asDouble();
      label[i] = Math.max(0, ls.get(i).asInt());
      classes = Math.max(classes, label[i] + 1);
    }
    List<String> names = new ArrayList<>();
    JsonNode ns = n.get("classNames");
    if (ns != null && ns.isArray()) {
      ns.forEach(name -> names.add(name.asText()));
    }
    return Optional.of(new Projection(x, y, label, classes, names));
  }

  /**
   * The legend's names: the dataset's when it names every class distinctly, else {@code class c}.
   */
  List<String> legend() {
    List<String> names = new ArrayList<>();
    boolean named =
        classNames.size() >= classes
            && new HashSet<>(classNames.subList(0, classes)).size() == classes;
    for (int c = 0; c < classes; c++) {
      names.add(named ? classNames.get(c) : "class " + c);
    }
    return names;
  }

  JFreeChart chart() {
    List<String> names = legend();
    return Charts.scatter(
        "Test embeddings: first two principal components (" + x.length + " points)",
        x,
        y,
        label,
        names);
  }
}
