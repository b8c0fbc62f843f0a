#!/usr/bin/env bash
# usage: docs/results/recipes/tune.sh NAME [--set ...]   tuning run on the held-out validation split (never the test split):
# data.limit 22000 + eval.validation 10000 = the quickstart's 12,000 training images, 10,000 held out.
# Writes under $TUNE_DIR (default /tmp/tune): runs/NAME, logs/NAME.log, and one line in results.tsv
# (name, validation linear top-1, validation kNN top-1, train_seconds, whole command seconds, overrides).
name=$1; shift
mkdir -p "${TUNE_DIR:-/tmp/tune}/logs" "${TUNE_DIR:-/tmp/tune}/runs"
cd "$(dirname "$0")/../../.."
out=${TUNE_DIR:-/tmp/tune}/runs/$name
start=$(date +%s)
./curation train examples/configs/quickstart.json --set data.limit=22000 --set eval.validation=10000 \
  --set curator.type=none --set eval.monitorEvery=0 --set eval.randomInitBaseline=false \
  --set eval.pixelsBaseline=off "$@" --out $out --overwrite > ${TUNE_DIR:-/tmp/tune}/logs/$name.log 2>&1
rc=$?
end=$(date +%s)
python3 - "$name" "$out" "$rc" "$((end-start))" "$*" <<'PY' >> ${TUNE_DIR:-/tmp/tune}/results.tsv
import json,sys
name,out,rc,wall,args=sys.argv[1:]
try:
  r=json.load(open(out+"/result.json"))
  print(f"{name}\t{r.get('linear_top1',0):.4f}\t{r.get('knn_top1',0):.4f}\t{r.get('train_seconds',0):.1f}\t{wall}\t{args}")
except Exception as e:
  print(f"{name}\tFAILED rc={rc}\t\t\t{wall}\t{args}")
PY
