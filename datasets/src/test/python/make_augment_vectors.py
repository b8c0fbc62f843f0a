#!/usr/bin/python3
"""Makes the augmentation faithfulness test vectors from torchvision's functional ops.

Run with Debian's python3 (python3-torch, python3-torchvision):
    /usr/bin/python3 datasets/src/test/python/make_augment_vectors.py datasets/src/test/resources/augment

Writes <out>.bin and <out>.txt. The .bin holds the input images (uint8, CHW) followed by every
expected output, quantised to uint16 over [lo, hi] (error <= (hi - lo) / 131070, far below the
tests' 1/255 tolerance). Each .txt line describes one case:
    name op input_offset c h w output_offset oc oh ow lo hi key=value ...
Inputs are float tensors x / 255 (as ToTensor makes them); ops are torchvision.transforms.functional.
"""
import sys

import numpy as np
import torch
import torchvision
import torchvision.transforms.functional as F
from torchvision.transforms import InterpolationMode


def images():
    rng = np.random.default_rng(20211016)
    noise = rng.integers(0, 256, (3, 32, 32), dtype=np.uint8)
    # a smooth colourful image: gradients and a disk, so hue/saturation see real colours
    y, x = np.mgrid[0:32, 0:32]
    smooth = np.stack([x * 8, y * 8, 255 - (x + y) * 4]).clip(0, 255).astype(np.uint8)
    disk = (x - 14) ** 2 + (y - 18) ** 2 < 64
    smooth[:, disk] = np.array([200, 40, 90], dtype=np.uint8)[:, None]
    gray = rng.integers(0, 256, (1, 32, 32), dtype=np.uint8)
    return [("noise", noise), ("smooth", smooth), ("gray", gray)]


def cases():
    rgb = ["noise", "smooth"]
    out = []
    for im in rgb + ["gray"]:
        out.append((im, "resized_crop", dict(top=3, left=5, height=20, width=14, size=32, flip=0)))
        out.append((im, "resized_crop", dict(top=0, left=0, height=32, width=32, size=24, flip=1)))
        out.append((im, "resized_crop", dict(top=7, left=2, height=9, width=23, size=40, flip=0)))
        out.append((im, "brightness", dict(factor=1.37)))
        out.append((im, "contrast", dict(factor=0.61)))
        out.append((im, "contrast", dict(factor=1.4)))
        out.append((im, "saturation", dict(factor=1.35)))
        out.append((im, "hue", dict(factor=0.1)))
        out.append((im, "gaussian_blur", dict(kernel=3, sigma=0.8)))
        out.append((im, "solarize", dict(threshold=0.5)))
    for im in rgb:
        out.append((im, "hflip", dict()))
        out.append((im, "brightness", dict(factor=0.6)))
        out.append((im, "saturation", dict(factor=0.0)))
        out.append((im, "hue", dict(factor=-0.1)))
        out.append((im, "hue", dict(factor=0.45)))
        out.append((im, "grayscale", dict()))
        out.append((im, "gaussian_blur", dict(kernel=5, sigma=1.7)))
        out.append((im, "normalize", dict(mean="0.4914,0.4822,0.4465", std="0.247,0.2435,0.2616")))
    return out


def apply(t, op, p):
    if op == "resized_crop":
        r = F.resized_crop(t, p["top"], p["left"], p["height"], p["width"], [p["size"], p["size"]],
                           InterpolationMode.BILINEAR, antialias=False)
        return F.hflip(r) if p["flip"] else r
    if op == "hflip":
        return F.hflip(t)
    if op == "brightness":
        return F.adjust_brightness(t, p["factor"])
    if op == "contrast":
        return F.adjust_contrast(t, p["factor"])
    if op == "saturation":
        return F.adjust_saturation(t, p["factor"])
    if op == "hue":
        return F.adjust_hue(t, p["factor"])
    if op == "grayscale":
        return F.rgb_to_grayscale(t, num_output_channels=3)
    if op == "gaussian_blur":
        return F.gaussian_blur(t, [p["kernel"], p["kernel"]], [p["sigma"], p["sigma"]])
    if op == "solarize":
        return F.solarize(t, p["threshold"])
    if op == "normalize":
        mean = [float(v) for v in p["mean"].split(",")]
        std = [float(v) for v in p["std"].split(",")]
        return F.normalize(t, mean, std)
    raise ValueError(op)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "augment"
    blob = bytearray()
    offsets = {}
    imgs = dict(images())
    for name, arr in images():
        offsets[name] = len(blob)
        blob += arr.tobytes()
    lines = ["# torch %s torchvision %s" % (torch.__version__, torchvision.__version__)]
    for i, (im, op, p) in enumerate(cases()):
        arr = imgs[im]
        t = torch.from_numpy(arr.copy()).float() / 255.0
        r = apply(t, op, p).numpy().astype(np.float64)
        lo, hi = float(r.min()), float(r.max())
        if hi <= lo:
            hi = lo + 1.0
        q = np.round((r - lo) / (hi - lo) * 65535).astype("<u2")
        off = len(blob)
        blob += q.tobytes()
        params = " ".join("%s=%s" % kv for kv in sorted(p.items()))
        c, h, w = arr.shape
        oc, oh, ow = r.shape
        lines.append("%s-%d %s %d %d %d %d %d %d %d %d %.9g %.9g %s" % (
            im, i, op, offsets[im], c, h, w, off, oc, oh, ow, lo, hi, params))
    with open(out + ".bin", "wb") as f:
        f.write(bytes(blob))
    with open(out + ".txt", "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
