package org.batchcuration.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Checks, before an ablation starts, that every executor sees the same plugins as the driver: a
 * tiny Spark job with one task per executor slot returns each executor's {@link PluginListing}. A
 * plugin jar that did not reach the executors (no {@code --jars}, not in the application jar) fails
 * here with the differing lines, not hours later inside a run. Stateless.
 */
public final class PluginCheck {
  private PluginCheck() {}

  /**
   * Compares the executors' listings with {@code driver}.
   *
   * @throws PluginMismatchException naming the executor and the plugins only one side has
   */
  public static void verify(JavaSparkContext sc, List<String> driver) {
    Objects.requireNonNull(sc, "sc");
    Objects.requireNonNull(driver, "driver");
    int slots = Math.max(1, sc.defaultParallelism());
    List<Integer> seeds = IntStream.range(0, slots).boxed().toList();
    List<String> reports = sc.parallelize(seeds, slots).mapPartitions(new Listing()).collect();
    Map<String, List<String>> byExecutor = new TreeMap<>();
    for (String r : reports) {
      int nl = r.indexOf('\n');
      String executor = nl < 0 ? r : r.substring(0, nl);
      List<String> lines = nl < 0 ? List.of() : List.of(r.substring(nl + 1).split("\n", -1));
      byExecutor.putIfAbsent(executor, lines.equals(List.of("")) ? List.of() : lines);
    }
    for (Map.Entry<String, List<String>> e : byExecutor.entrySet()) {
      if (!e.getValue().equals(driver)) {
        throw new PluginMismatchException(message(e.getKey(), driver, e.getValue()));
      }
    }
  }

  static String message(String executor, List<String> driver, List<String> remote) {
    TreeSet<String> onlyDriver = new TreeSet<>(driver);
    onlyDriver.removeAll(remote);
    TreeSet<String> onlyExecutor = new TreeSet<>(remote);
    onlyExecutor.removeAll(driver);
    StringBuilder b =
        new StringBuilder("executor ")
            .append(executor)
            .append(" sees other plugins than the driver (ship plugin jars with --jars or in the")
            .append(" application jar):");
    for (String s : onlyDriver) {
      b.append("\n  only on the driver:   ").append(s);
    }
    for (String s : onlyExecutor) {
      b.append("\n  only on the executor: ").append(s);
    }
    return b.toString();
  }

  /** Thrown when an executor's plugins differ from the driver's. */
  public static final class PluginMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    PluginMismatchException(String message) {
      super(message);
    }
  }

  /** One partition's answer: the executor id, then its listing, one line each. */
  private static final class Listing implements FlatMapFunction<Iterator<Integer>, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<String> call(Iterator<Integer> ignored) {
      SparkEnv env = SparkEnv.get();
      List<String> out = new ArrayList<>();
      out.add(
          (env == null ? "driver" : env.executorId())
              + "\n"
              + String.join("\n", PluginListing.of(ExecutorSetups.current().registry())));
      return out.iterator();
    }
  }
}
