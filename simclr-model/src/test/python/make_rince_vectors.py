"""Makes src/test/resources/rince_vectors.json: PyTorch values and gradients of the RINCE loss.

Regenerate (from simclr-model/): /usr/bin/python3 src/test/python/make_rince_vectors.py
(Debian python3-torch, CPU, float64). Written independently of the Java code, from the formula of
Chuang et al. (CVPR 2022), L = -exp(q s+)/q + (lambda (exp(s+) + sum exp(s-)))^q / q with
s = cos / T, in the multi-positive, weighted form of RinceLoss's Javadoc (plain logits, no shift).
"""
import json
import os

import torch

torch.manual_seed(2612)
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


def rince(z1, z2, pw, neg, extra, q, lam, t):
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
    z = torch.nn.functional.normalize(torch.cat([z1, z2]), dim=1)
    s = z @ z.T / t
    e = torch.exp(s)
    den = (e * (pos + w)).sum(1)
    per_positive = -torch.exp(q * s) / q + ((lam * den) ** q / q).unsqueeze(1)
    per = (per_positive * pos).sum(1) / pos.sum(1)
    return (per * anchor).sum()


cases = []
for q, lam, t in ((0.1, 0.01, 0.5), (0.5, 0.01, 0.2), (1.0, 1.0, 0.1), (0.6, 0.3, 0.05)):
    for feature in ("plain", "pairs", "negatives", "positives", "all"):
        z1 = torch.randn(B, D, dtype=torch.float64, requires_grad=True)
        z2 = (z1.detach() * 0.5 + torch.randn(B, D, dtype=torch.float64)).requires_grad_(True)
        pw, neg, extra = decision(feature)
        value = rince(z1, z2, pw, neg, extra, q, lam, t)
        value.backward()
        cases.append({
            "feature": feature, "q": q, "lambda": lam, "temperature": t,
            "batch": B, "dim": D,
            "z1": z1.detach().flatten().tolist(), "z2": z2.detach().flatten().tolist(),
            "pairWeights": pw.tolist(), "negativeWeights": neg.flatten().tolist(),
            "extraPositives": [int(x) for x in extra.flatten().tolist()],
            "value": float(value),
            "gradZ1": z1.grad.flatten().tolist(), "gradZ2": z2.grad.flatten().tolist(),
        })

out = os.path.join(os.path.dirname(__file__), "..", "resources", "rince_vectors.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, indent=1)
print("wrote", len(cases), "cases to", os.path.normpath(out))
