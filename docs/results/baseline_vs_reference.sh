#!/usr/bin/env bash
# Time-to-accuracy of the quickstart recipe with `none` against the PyTorch reference
# (../shared/peer/torch_fmnist_simclr.py 12000 6), one after the other on the same machine.
# Usage: docs/results/baseline_vs_reference.sh [PEER_DIR] [OUT_DIR]
# Prints one line per run: train_seconds, linear_top1, knn_top1. Needs Debian's python3-torch.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PEER="${1:-$ROOT/../shared/peer}"
OUT="${2:-$(mktemp -d)}"
mkdir -p "$OUT"
cd "$ROOT"
./curation validate examples/configs/quickstart.json > /dev/null   # builds first, outside the timing
echo "reference: $(/usr/bin/python3 "$PEER/torch_fmnist_simclr.py" 12000 6)"
./curation train examples/configs/quickstart.json --set curator.type=none \
  --set eval.monitorEvery=0 --set eval.randomInitBaseline=false --out "$OUT/none" --overwrite > "$OUT/none.log" 2>&1
python3 - "$OUT/none/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("quickstart none: train_seconds=%.1f linear_top1=%.4f knn_top1=%.4f"
      % (r["train_seconds"], r["linear_top1"], r["knn_top1"]))
PY
