#!/usr/bin/env python3
"""Paired comparison of one cell across two ablations that share seeds (for example `none` on the
corruption testbed against `none` on clean data: what the corruption costs).

Usage: paired_across.py ABLATION_A ABLATION_B CELL [METRIC ...]
Reads ABLATION_X/CELL/seed-N/result.json; prints, per metric, the mean of A - B over the seeds both
have, with a 95 % Student-t interval over the paired differences (the same statistic as the
ablation summaries). Standard library only.
"""
import json
import math
import sys
from pathlib import Path

# two-sided 95 % quantiles of Student's t, t(0.975, dof), dof 1..30
T975 = [12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
        2.262157, 2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
        2.109816, 2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
        2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272]


def results(ablation, cell):
    out = {}
    for seed_dir in sorted(Path(ablation, cell).glob("seed-*")):
        f = seed_dir / "result.json"
        if f.exists():
            out[int(seed_dir.name.split("-")[1])] = json.loads(f.read_text())
    return out


def value(result, metric):
    v = result
    for part in metric.split("."):
        v = v.get(part) if isinstance(v, dict) else None
    return v


def main():
    a, b, cell = sys.argv[1:4]
    metrics = sys.argv[4:] or ["linear_top1", "knn_top1"]
    ra, rb = results(a, cell), results(b, cell)
    seeds = sorted(set(ra) & set(rb))
    for m in metrics:
        d = [value(ra[s], m) - value(rb[s], m) for s in seeds
             if value(ra[s], m) is not None and value(rb[s], m) is not None]
        n = len(d)
        if n < 2:
            print(f"{m}: n={n}, no interval")
            continue
        mean = sum(d) / n
        sd = math.sqrt(sum((x - mean) ** 2 for x in d) / (n - 1))
        half = T975[n - 2] * sd / math.sqrt(n) if n - 1 <= 30 else 1.959964 * sd / math.sqrt(n)
        mark = " (excludes 0)" if mean - half > 0 or mean + half < 0 else ""
        print(f"{m}: {cell} A - B = {mean:+.4f} [{mean - half:+.4f}, {mean + half:+.4f}] n={n}{mark}")


if __name__ == "__main__":
    main()
