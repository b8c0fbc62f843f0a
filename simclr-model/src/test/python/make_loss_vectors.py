"""Makes src/test/resources/loss_vectors.json: PyTorch values of the three losses on random inputs.

Regenerate (from simclr-model/): /usr/bin/python3 src/test/python/make_loss_vectors.py
(Debian python3-torch 1.13, CPU, float64). Written independently of the Java code, from the formulas
in the Javadoc of NtXentLoss, DebiasedLoss and HardNegativeLoss.
"""
import json
import math
import os

import torch

torch.manual_seed(1234)
B, D = 5, 7


def decision(kind):
    pw = torch.ones(B, dtype=torch.float64)
    neg = torch.ones(2 * B, 2 * B, dtype=torch.float64)
    extra = torch.zeros(2 * B, 2 * B, dtype=torch.bool)
    if kind in ("pairs", "all"):
        pw[1] = 0.0
        pw[3] = 0.4
    if kind in ("negatives", "all"):
        neg = torch.rand(2 * B, 2 * B, dtype=torch.float64) * 1.5
        neg[torch.rand(2 * B, 2 * B) < 0.3] = 0.0
    if kind in ("positives", "all"):
        for a, c in ((0, 2), (2, 0), (4, 6), (9, 1)):
            extra[a, c] = True
    return pw, neg, extra


def masks(pw, neg, extra):
    n2 = 2 * B
    idx = torch.arange(n2)
    pos = extra.clone().double()
    pos[idx, (idx + B) % n2] = 1.0
    pos[idx, idx] = 0.0
    w = neg.clone()
    w[pos > 0] = 0.0
    w[idx, idx] = 0.0
    anchor = pw.repeat(2)
    anchor = anchor / (anchor > 0).sum()
    return pos, w, anchor


def loss(kind, z1, z2, pw, neg, extra, t, tau, beta):
    z = torch.nn.functional.normalize(torch.cat([z1, z2]), dim=1)
    s = z @ z.T / t
    pos, w, anchor = masks(pw, neg, extra)
    e = torch.exp(s)
    npos = pos.sum(1)
    if kind == "nt-xent":
        den = (e * (pos + w)).sum(1, keepdim=True)
        per = -(((s - torch.log(den)) * pos).sum(1)) / npos
    else:
        n = w.sum(1, keepdim=True)
        if kind == "debiased":
            r = (w * e).sum(1, keepdim=True)
        else:
            imp = w * torch.exp(beta * s)
            norm = imp.sum(1, keepdim=True)
            r = torch.where(n > 0, n * (imp * e).sum(1, keepdim=True) / torch.where(n > 0, norm, torch.ones_like(norm)), torch.zeros_like(n))
        ng = torch.maximum((r - tau * n * e) / (1 - tau), n * math.exp(-1 / t))
        per = ((-torch.log(e / (e + ng))) * pos).sum(1) / npos
    return float((per * anchor).sum())


cases = []
for kind in ("nt-xent", "debiased", "hard-negative"):
    for feature in ("plain", "pairs", "negatives", "positives", "all"):
        for t in (0.5, 0.2):
            z1 = torch.randn(B, D, dtype=torch.float64)
            z2 = z1 * 0.5 + torch.randn(B, D, dtype=torch.float64)
            pw, neg, extra = decision(feature)
            tau, beta = 0.1, 1.0
            cases.append({
                "loss": kind, "feature": feature, "temperature": t, "tauPlus": tau, "beta": beta,
                "batch": B, "dim": D,
                "z1": z1.flatten().tolist(), "z2": z2.flatten().tolist(),
                "pairWeights": pw.tolist(), "negativeWeights": neg.flatten().tolist(),
                "extraPositives": [int(x) for x in extra.flatten().tolist()],
                "value": loss(kind, z1, z2, pw, neg, extra, t, tau, beta),
            })

out = os.path.join(os.path.dirname(__file__), "..", "resources", "loss_vectors.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases to", os.path.normpath(out))
