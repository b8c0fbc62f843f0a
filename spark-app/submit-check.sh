#!/usr/bin/env bash
# Checks the spark-submit path on this machine: builds the application jar (spark-app, -Pspark-app),
# makes a stand-in Spark 3.5.5 installation out of spark-core_2.13's own published dependencies
# (Spark's versions of Jackson, Guava, commons-*, SLF4J + log4j: not the project's), and runs
# org.apache.spark.deploy.SparkSubmit -- the class bin/spark-submit runs -- with the application
# jar, a plugin jar passed with --jars, and --master local[2]:
#   1. `plugins` on the driver lists the --jars plugin;
#   2. a two-cell ablation whose second cell uses that plugin trains on the executors (the
#      executor-side plugin check passes) and writes summary.md.
# Usage: spark-app/submit-check.sh [WORK_DIR]   (exit 0 = both checks passed)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-$ROOT/spark-app/target/submit-check}"
SPARK_VERSION=3.5.5
rm -rf "$WORK" && mkdir -p "$WORK/cluster"

echo "submit-check: building the application jar and the example plugin..." >&2
(cd "$ROOT" && mvn -q -B -Pspark-app -DskipTests -pl spark-app,examples/example-plugin -am install) >&2
APP="$(ls "$ROOT"/spark-app/target/spark-app-*-app.jar)"
PLUGIN="$(ls "$ROOT"/examples/example-plugin/target/example-plugin-*.jar | grep -v -- -sources | head -1)"

cat > "$WORK/cluster/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>spark-installation</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.apache.spark</groupId><artifactId>spark-core_2.13</artifactId><version>$SPARK_VERSION</version></dependency>
  </dependencies>
</project>
POM
(cd "$WORK/cluster" && mvn -q -B dependency:build-classpath -Dmdep.outputFile=classpath.txt) >&2
SPARK_CP="$(cat "$WORK/cluster/classpath.txt")"

OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"

submit() {
  # shellcheck disable=SC2086
  OMP_NUM_THREADS=1 MXNET_ENGINE_TYPE=NaiveEngine java $OPENS -Dai.djl.offline=true -cp "$SPARK_CP" \
    org.apache.spark.deploy.SparkSubmit --master 'local[2]' \
    --class org.batchcuration.runner.cli.Main --jars "$PLUGIN" \
    --conf spark.ui.enabled=false \
    --driver-java-options "-Dai.djl.offline=true" \
    "$APP" "$@"
}

echo "submit-check: spark-submit ... plugins" >&2
submit plugins > "$WORK/plugins.txt"
grep -q "example-margin-drop" "$WORK/plugins.txt" || {
  echo "submit-check: FAILED: the --jars plugin is not listed on the driver" >&2
  cat "$WORK/plugins.txt" >&2
  exit 1
}

cat > "$WORK/tiny.json" <<'JSON'
{
  "seed": 1, "device": "cpu",
  "data": {"type": "synthetic", "size": 16, "channels": 1, "classes": 4, "trainCount": 96, "testCount": 48},
  "augment": {"type": "simclr", "size": 16, "mean": [0.5], "std": [0.25], "grayscaleProbability": 0.0},
  "encoder": {"type": "small-cnn", "widths": [8, 16]},
  "head": {"hiddenDim": 16, "outputDim": 8},
  "curator": {"type": "none"},
  "schedule": {"warmupEpochs": 0},
  "train": {"epochs": 2, "batchSize": 32, "threads": 1, "prefetch": 1, "checkpointEvery": 1},
  "eval": {"knnK": 5, "monitorEvery": 0, "probeL2": [0.001], "probeIterations": 10, "randomInitBaseline": false}
}
JSON
cat > "$WORK/abl.json" <<'JSON'
{"base": "tiny.json", "executor": "spark",
 "cells": [{"name": "none", "set": {}},
           {"name": "plugin", "set": {"curator": {"type": "example-margin-drop", "warmupEpochs": 0}}}],
 "seeds": [3]}
JSON
echo "submit-check: spark-submit ... ablate (2 runs on the executors)" >&2
submit ablate "$WORK/abl.json" --executor spark --out "$WORK/runs" > "$WORK/ablate.txt" 2>&1 || {
  echo "submit-check: FAILED: ablate exited $?" >&2
  tail -40 "$WORK/ablate.txt" >&2
  exit 1
}
for cell in none plugin; do
  grep -q "\"completed\"" "$WORK/runs/$cell/seed-3/result.json" || {
    echo "submit-check: FAILED: $cell/seed-3 has no completed result" >&2
    exit 1
  }
done
grep -q "| plugin |" "$WORK/runs/summary.md" || {
  echo "submit-check: FAILED: summary.md lacks the plugin cell" >&2
  exit 1
}
echo "submit-check: passed (plugins listed on the driver; both runs trained on the executors)" >&2
echo "  app jar: $APP ($(du -h "$APP" | cut -f1)); summary: $WORK/runs/summary.md" >&2
