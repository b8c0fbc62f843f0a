package org.batchcuration.spark;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.batchcuration.api.Checks;

/**
 * How the Spark executor connects and retries. Immutable.
 *
 * @param master the Spark master URL ({@code local[2]}, {@code yarn}, {@code k8s://...}, {@code
 *     spark://host:7077}); empty = the one {@code spark-submit} set ({@code spark.master})
 * @param maxFailures attempts per task before the ablation fails ({@code spark.task.maxFailures}
 *     when not set otherwise; in local mode written into the master as {@code local[N,F]}, since
 *     Spark ignores the property there)
 * @param appName the Spark application's name
 * @param conf further Spark properties, applied last
 */
public record SparkSettings(
    Optional<String> master, int maxFailures, String appName, Map<String, String> conf) {
  private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)\\]");

  public SparkSettings {
    Objects.requireNonNull(master, "master");
    master.ifPresent(m -> Checks.require(!m.isBlank(), "master", "must not be blank"));
    Checks.atLeast("maxFailures", maxFailures, 1);
    Checks.present("appName", appName);
    conf = java.util.Collections.unmodifiableMap(new TreeMap<>(conf));
  }

  /** The master from spark-submit, 4 attempts per task (Spark's default). */
  public static SparkSettings defaults() {
    return new SparkSettings(Optional.empty(), 4, "batch-curation ablation", Map.of());
  }

  /** These settings with {@code master}. */
  public SparkSettings withMaster(String m) {
    return new SparkSettings(Optional.of(m), maxFailures, appName, conf);
  }

  /** These settings with {@code appName}. */
  public SparkSettings withAppName(String name) {
    return new SparkSettings(master, maxFailures, name, conf);
  }

  /** These settings with property {@code key} set to {@code value}. */
  public SparkSettings with(String key, String value) {
    Map<String, String> c = new TreeMap<>(conf);
    c.put(key, value);
    return new SparkSettings(master, maxFailures, appName, c);
  }

  /**
   * The Spark configuration: {@code spark.*} system properties (what spark-submit passes), then
   * these settings.
   *
   * @throws IllegalArgumentException when no master is given anywhere
   */
  public SparkConf toConf() {
    SparkConf c = new SparkConf(true);
    master.ifPresent(c::setMaster);
    if (!c.contains("spark.master")) {
      throw new IllegalArgumentException(
          "no Spark master: pass --master (e.g. local[2], yarn, spark://host:7077) or run under"
              + " spark-submit");
    }
    c.setAppName(appName);
    if (!c.contains("spark.task.maxFailures")) {
      c.set("spark.task.maxFailures", Integer.toString(maxFailures));
    }
    conf.forEach(c::set);
    c.setMaster(localWithRetries(c.get("spark.master"), c.getInt("spark.task.maxFailures", 4)));
    return c;
  }

  /** {@code local[N]} becomes {@code local[N,F]} so that failed tasks are retried locally too. */
  static String localWithRetries(String master, int maxFailures) {
    if (master.equals("local")) {
      return "local[1," + maxFailures + "]";
    }
    Matcher m = LOCAL.matcher(master);
    return m.matches() ? "local[" + m.group(1) + "," + maxFailures + "]" : master;
  }
}
