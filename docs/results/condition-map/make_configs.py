"""Writes the condition map's ablation files (issue 26) next to this script.

screen-t{T}.json: the cost of corruption, `none` corrupted against `clean`, at temperature T, over
mode (swap, confusable-swap, persistent swap, overcrop) x fraction (0.2, 0.5), 3 seeds, on the
quickstart recipe (examples/configs/quickstart.json's data, model, optimizer and schedule).
compare-template.json: the full comparison (clean, none, oracle drop and reweight, batch-curation
drop and reweight, random matched to batch-curation's drop, rince) with 5 seeds, for one condition:
copy it and set "corruption" and "loss.temperature" (and rince's) to a condition the screen found
costly. The schedule axis of the screen is ablate's own: run a file with --set train.epochs=N.

Regenerate: python3 docs/results/condition-map/make_configs.py
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = {
    "seed": 0,
    "engine": "mxnet",
    "device": "cpu",
    "data": {"type": "fashion-mnist", "path": "/usr/share/datasets/fashion-mnist", "limit": 12000},
    "augment": {"type": "simclr", "size": 28, "strength": 0.5, "minScale": 0.3,
                "grayscaleProbability": 0.0, "mean": [0.2860], "std": [0.3530]},
    "encoder": {"type": "small-cnn", "widths": [32, 64, 128]},
    "head": {"hiddenDim": 256, "outputDim": 128, "batchNorm": True},
    "loss": {"type": "nt-xent", "temperature": 0.2},
    "curator": {"type": "none"},
    "optimizer": {"type": "adam", "lr": 0.002},
    "schedule": {"type": "cosine", "warmupEpochs": 1},
    "train": {"epochs": 5, "batchSize": 256, "checkpointEvery": 1},
    "eval": {"monitorEvery": 0, "testLimit": 0, "randomInitBaseline": False},
    "corruption": {"fraction": 0.2, "mode": "swap", "seed": 0},
}

MODES = [
    ("swap", {"corruption.mode": "swap", "corruption.persistent": False}),
    ("confusable", {"corruption.mode": "confusable-swap", "corruption.persistent": False}),
    ("persistent", {"corruption.mode": "swap", "corruption.persistent": True}),
    ("overcrop", {"corruption.mode": "overcrop", "corruption.persistent": False}),
]


def write(name, plan):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(plan, f, indent=2)
        f.write("\n")


for t in (0.1, 0.2, 0.5):
    base = copy.deepcopy(BASE)
    base["loss"]["temperature"] = t
    cells = [{"name": "clean", "set": {"corruption.fraction": 0.0}}]
    for mode, settings in MODES:
        for fraction in (0.2, 0.5):
            s = dict(settings)
            s["corruption.fraction"] = fraction
            cells.append({"name": f"{mode}-{fraction}", "set": s})
    write(f"screen-t{t}.json",
          {"base": base, "baseline": "clean", "cells": cells, "seeds": [0, 1, 2]})

base = copy.deepcopy(BASE)
base["corruption"] = {"fraction": 0.5, "mode": "confusable-swap", "seed": 0, "persistent": False}
t = base["loss"]["temperature"]
bc = {"type": "batch-curation", "warmupEpochs": 1, "maxCuratedFraction": 0.5}
cells = [
    {"name": "clean", "set": {"corruption.fraction": 0.0}},
    {"name": "none", "set": {"curator": {"type": "none"}}},
    {"name": "oracle-drop", "set": {"curator": {"type": "oracle", "action": "drop", "warmupEpochs": 1}}},
    {"name": "oracle-reweight",
     "set": {"curator": {"type": "oracle", "action": "reweight", "weight": 0.5, "warmupEpochs": 1}}},
    {"name": "batch-curation-drop", "set": {"curator": dict(bc, action="drop")}},
    {"name": "batch-curation-reweight", "set": {"curator": dict(bc, action="reweight")}},
    {"name": "random",
     "set": {"curator": {"type": "random", "warmupEpochs": 1, "maxCuratedFraction": 0.5,
                         "shadow": dict(bc, action="drop")}}},
    {"name": "rince",
     "set": {"loss": {"type": "rince", "q": 0.1, "lambda": 0.01, "temperature": t}}},
]
write("compare-template.json",
      {"base": base, "baseline": "none", "control": "random", "cells": cells,
       "seeds": [0, 1, 2, 3, 4]})
print("wrote screen-t0.1.json, screen-t0.2.json, screen-t0.5.json, compare-template.json")
