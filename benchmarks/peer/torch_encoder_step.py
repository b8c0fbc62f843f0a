#!/usr/bin/python3
"""The SimCLR training step of one encoder in PyTorch: the peer of `./curation bench encoder`.

Builds the same architecture as the project's encoder of that name with its config, the same head
(Linear-BN-ReLU-Linear, hidden 256, output 128), NT-Xent at temperature 0.2 and Adam, and times
training steps on two random views of BATCH grayscale 28x28 images (the Fashion-MNIST recipes' shape).

usage: torch_encoder_step.py ENCODER CONFIG_JSON [batch=256] [steps=10] [threads=2]
  ENCODER small-cnn    CONFIG_JSON {"widths": [32, 64, 128]}
  ENCODER cifar-resnet CONFIG_JSON {"stemWidth": 32, "widths": [32, 64, 128], "blocks": [1, 1, 1]}
prints: images_per_s=X macs_per_image=N   (source images: two views each)
"""
import json
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout, stride):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class Basic(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(),
            nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.short = (nn.Identity() if stride == 1 and cin == cout else
                      nn.Sequential(nn.Conv2d(cin, cout, 1, stride, 0, bias=False), nn.BatchNorm2d(cout)))

    def forward(self, x):
        return F.relu(self.body(x) + self.short(x))


def encoder(name, cfg, channels):
    layers = []
    if name == "small-cnn":
        c = channels
        for i, w in enumerate(cfg["widths"]):
            layers.append(conv_bn_relu(c, w, 1 if i == 0 else 2))
            c = w
    elif name == "cifar-resnet":
        layers.append(conv_bn_relu(channels, cfg["stemWidth"], 1))
        c = cfg["stemWidth"]
        for stage, (w, n) in enumerate(zip(cfg["widths"], cfg["blocks"])):
            for b in range(n):
                layers.append(Basic(c, w, 2 if stage > 0 and b == 0 else 1))
                c = w
    else:
        raise SystemExit("unknown encoder " + name)
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten()), c


def conv_macs(model, x):
    total = [0]

    def hook(m, inp, out):
        total[0] += m.weight.numel() * out.shape[2] * out.shape[3]

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    with torch.no_grad():
        model.eval()
        model(x[:1])
        model.train()
    for h in hs:
        h.remove()
    return total[0]


def nt_xent(z1, z2, t):
    z = F.normalize(torch.cat([z1, z2]), dim=1)
    n = z1.shape[0]
    sim = z @ z.T / t
    sim.fill_diagonal_(float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(sim, target)


def main():
    name, cfg = sys.argv[1], json.loads(sys.argv[2])
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 256
    steps = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    enc, dim = encoder(name, cfg, 1)
    head = nn.Sequential(nn.Linear(dim, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Linear(256, 128))
    model = nn.Sequential(enc, head)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    v1, v2 = torch.randn(batch, 1, 28, 28), torch.randn(batch, 1, 28, 28)
    macs = conv_macs(enc, v1)
    for s in range(steps + 2):
        if s == 2:
            start = time.perf_counter()
        z = model(torch.cat([v1, v2]))
        loss = nt_xent(z[:batch], z[batch:], 0.2)
        opt.zero_grad()
        loss.backward()
        opt.step()
    ips = batch * steps / (time.perf_counter() - start)
    print(f"images_per_s={ips:.3f} macs_per_image={macs}", flush=True)


if __name__ == "__main__":
    main()
