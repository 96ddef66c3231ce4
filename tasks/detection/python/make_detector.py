#!/usr/bin/python3
"""Makes Proctor's bundled shapes detection set and the tiny detector that runs on it.

Synthetic 96x96 RGB images with 1-4 filled circles, squares and triangles on a gradient background; ground
truth in COCO layout. A CenterNet-style fully convolutional detector (stride 4, one box per grid cell) is
trained in memory with plain PyTorch and exported to ONNX with the box decoding inside the graph and no NMS:

    images      float32 [N, 3, 96, 96]  RGB, value / 255, no mean/std
    detections  float32 [N, 576, 6]     per cell: x, y, w, h (COCO, input pixels, clipped), score, category index

`postprocess` is the reference for what Java does next: score >= 0.05, greedy NMS per category at IoU 0.5,
top 100 per image. Deterministic given the seeds; Debian's python3-torch 1.13, numpy, PIL, onnx 1.12; no
torchvision, no onnxruntime (the export is checked with a small numpy interpreter). See README.md beside it.
"""
import argparse, hashlib, io, json, os, subprocess, sys, time

# Debian's torch calls the system BLAS, which defaults to the slow reference one; libopenblas0-serial is much
# faster and single-threaded. Use it for this process only (as harness/embedded-model/python/make_model.py does).
_OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-serial"
if os.path.exists(_OPENBLAS + "/libblas.so.3") and _OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
    os.environ["LD_LIBRARY_PATH"] = _OPENBLAS + ":" + os.environ.get("LD_LIBRARY_PATH", "")
    os.execv(sys.executable, [sys.executable] + sys.argv)
import numpy as np
import onnx
from onnx import numpy_helper
from PIL import Image
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
DATA_DIR = os.path.join(ROOT, "tasks/detection/src/main/resources/dev/proctor/tasks/detection/shapes")
MODEL_DIR = os.path.join(ROOT, "harness/embedded-model/src/main/resources/dev/proctor/embedded/shapes-detector")
FIXTURE = os.path.join(ROOT, "tasks/detection/src/test/resources/shapes-fixture.json")

SIZE = 96                      # image side, pixels
STRIDE = 4                     # pixels per grid cell: 24 x 24 = 576 cells, one detection row each
GRID = SIZE // STRIDE
CATEGORIES = [(1, "circle"), (2, "square"), (3, "triangle")]  # index -> (COCO id, name)
SCORE_THRESHOLD, NMS_IOU, TOP_K = 0.05, 0.5, 100
BOX_BASE = 16.0                # w = BOX_BASE * exp(t): t = 0 is a mid-sized shape
TRAIN_SEED, EVAL_SEED, MODEL_SEED = 1, 2, 0   # data seeds differ, so the evaluation set is held out


# ---------------------------------------------------------------- data

_YY, _XX = np.mgrid[0:SIZE, 0:SIZE].astype(np.float64) + 0.5   # pixel centres


def shape_mask(cat, cx, cy, size, angle):
    """Pixels whose centre lies inside the shape: hard edges, so the tight box is exact."""
    if cat == 0:                                   # circle of diameter `size`
        return (_XX - cx) ** 2 + (_YY - cy) ** 2 <= (size / 2) ** 2
    if cat == 1:                                   # axis-aligned square of side `size`
        return (np.abs(_XX - cx) <= size / 2) & (np.abs(_YY - cy) <= size / 2)
    # equilateral triangle with circumdiameter `size`, any rotation: inside all three edge half-planes
    r = size / 2
    pts = [(cx + r * np.cos(angle + k * 2 * np.pi / 3), cy + r * np.sin(angle + k * 2 * np.pi / 3)) for k in range(3)]
    inside = np.ones_like(_XX, dtype=bool)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        inside &= (x1 - x0) * (_YY - y0) - (y1 - y0) * (_XX - x0) >= 0
    return inside


def background(rng):
    """A two-colour linear gradient in a random direction (noise is added over the whole image later)."""
    c0, c1 = rng.uniform(0, 255, 3), rng.uniform(0, 255, 3)
    a = rng.uniform(0, 2 * np.pi)
    t = ((_XX - SIZE / 2) * np.cos(a) + (_YY - SIZE / 2) * np.sin(a)) / SIZE + 0.5
    return c0 + (c1 - c0) * t[..., None]


def render(rng):
    """One image (uint8 [96, 96, 3], RGB) and its objects [(category index, x, y, w, h)]."""
    img = background(rng)
    masks, colours, objects = [], [], []
    for _ in range(rng.integers(1, 5)):
        for _try in range(50):
            cat = int(rng.integers(3))
            size = float(np.exp(rng.uniform(np.log(8), np.log(52))))  # log-uniform: COCO small and medium boxes
            cx, cy = rng.uniform(size / 2, SIZE - size / 2, 2)
            m = shape_mask(cat, cx, cy, size, rng.uniform(0, 2 * np.pi))
            if m.sum() < 20:
                continue
            # a little overlap is fine, hiding more than a quarter of any shape is not
            if any((m & o).sum() > 0.25 * min(m.sum(), o.sum()) for o in masks):
                continue
            under = img[m].mean(0)
            colour = rng.uniform(0, 255, 3)
            # distinct from the background under it and from any shape it touches
            if np.linalg.norm(colour - under) < 100 or any(
                    (m & o).any() and np.linalg.norm(colour - c) < 80 for o, c in zip(masks, colours)):
                continue
            img[m] = colour
            ys, xs = np.nonzero(m)
            objects.append((cat, int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)))
            masks.append(m)
            colours.append(colour)
            break
    # luminance noise in 2x2 blocks: texture without making the PNGs incompressible
    noise = rng.normal(0, 6, (SIZE // 2, SIZE // 2, 1))
    img = img + np.kron(noise, np.ones((2, 2, 1)))
    return np.clip(np.round(img), 0, 255).astype(np.uint8), objects


def make_set(seed, n):
    rng = np.random.default_rng(seed)
    images, objects = zip(*(render(rng) for _ in range(n)))
    return np.stack(images), list(objects)


def targets(objects):
    """Training maps for one image on the 24x24 grid.

    heat [3, G, G]: 1 at each object's centre cell, a Gaussian around it (CenterNet); reg [4, G, G]: centre offset
    from the cell centre in cells and log(w, h / BOX_BASE); weight [G, G]: where and how much the box counts.
    Every cell near a centre learns the whole box, so the duplicates it yields overlap and NMS removes them.
    """
    heat = np.zeros((3, GRID, GRID), np.float32)
    reg = np.zeros((4, GRID, GRID), np.float32)
    weight = np.zeros((GRID, GRID), np.float32)
    gc = (np.arange(GRID) + 0.5) * STRIDE
    for cat, x, y, w, h in objects:
        cx, cy = x + w / 2, y + h / 2
        i, j = min(int(cy // STRIDE), GRID - 1), min(int(cx // STRIDE), GRID - 1)
        sigma = max(0.35, 0.12 * np.sqrt(w * h) / STRIDE)
        jj, ii = np.meshgrid(np.arange(GRID), np.arange(GRID))
        g = np.exp(-((ii - i) ** 2 + (jj - j) ** 2) / (2 * sigma ** 2)).astype(np.float32)
        heat[cat] = np.maximum(heat[cat], g)
        own = (g >= 0.1) & (g > weight)            # a cell regresses the object whose centre it is closest to
        reg[0][own] = (cx - gc[None, :].repeat(GRID, 0)[own]) / STRIDE
        reg[1][own] = (cy - gc[:, None].repeat(GRID, 1)[own]) / STRIDE
        reg[2][own], reg[3][own] = np.log(w / BOX_BASE), np.log(h / BOX_BASE)
        weight[own] = g[own]
    return heat, reg, weight


# ---------------------------------------------------------------- model

def conv(cin, cout, stride=1, dilation=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride, dilation, dilation=dilation, bias=False),
                         nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class ShapesDetector(nn.Module):
    """images [N, 3, 96, 96] in [0, 1] -> detections [N, 576, 6]: x, y, w, h, score, category index."""

    def __init__(self, width=48):
        super().__init__()
        # two stride-2 convs to the 24x24 grid, then dilated convs for a ~90 px receptive field (shapes up to 52 px)
        self.body = nn.Sequential(conv(3, 16, 2), conv(16, 32, 2), conv(32, width), conv(width, width, dilation=2),
                                  conv(width, width, dilation=4), conv(width, width, dilation=2), conv(width, width))
        self.head = nn.Conv2d(width, 7, 1)       # 3 class logits, dx, dy, log w, log h
        nn.init.constant_(self.head.bias[:3], -2.19)  # start at p = 0.1: focal-loss practice, stable early steps
        centres = (torch.arange(GRID, dtype=torch.float32) + 0.5) * STRIDE
        self.register_buffer("cell_x", centres.repeat(GRID))             # row-major cells: k = row * 24 + col
        self.register_buffer("cell_y", centres.repeat_interleave(GRID))

    def raw(self, images):
        return self.head(self.body(images))

    def forward(self, images):
        out = self.raw(images).reshape(-1, 7, GRID * GRID)                # [N, 7, 576]; 576 stays static in ONNX
        score, cat = torch.sigmoid(out[:, :3]).max(1)                      # best class per cell
        cx = self.cell_x + out[:, 3] * STRIDE
        cy = self.cell_y + out[:, 4] * STRIDE
        half_w = 0.5 * BOX_BASE * torch.exp(out[:, 5].clamp(max=3.0))   # clamp: no inf from untrained cells
        half_h = 0.5 * BOX_BASE * torch.exp(out[:, 6].clamp(max=3.0))
        x1, x2 = (cx - half_w).clamp(0, SIZE), (cx + half_w).clamp(0, SIZE)
        y1, y2 = (cy - half_h).clamp(0, SIZE), (cy + half_h).clamp(0, SIZE)
        return torch.stack([x1, y1, x2 - x1, y2 - y1, score, cat.to(torch.float32)], -1)


def fold_batchnorm(model):
    """Conv+BN -> Conv with bias, so the exported graph is Conv/Relu only (and eager equals the export)."""
    for seq in model.body:
        c, bn = seq[0], seq[1]
        s = bn.weight / torch.sqrt(bn.running_var + bn.eps)
        fused = nn.Conv2d(c.in_channels, c.out_channels, 3, c.stride, c.padding, dilation=c.dilation)
        fused.weight.data = c.weight.data * s[:, None, None, None]
        fused.bias.data = bn.bias.data - bn.running_mean * s
        seq[0], seq[1] = fused, nn.Identity()
    return model


def n_params(model):
    return sum(p.numel() for p in model.parameters())


# ---------------------------------------------------------------- training

def focal_loss(logits, heat):
    """CenterNet's penalty-reduced focal loss (alpha 2, beta 4), per object."""
    pos = heat.eq(1).float()
    p = torch.sigmoid(logits)
    pos_term = pos * (1 - p) ** 2 * F.logsigmoid(logits)
    neg_term = (1 - pos) * (1 - heat) ** 4 * p ** 2 * F.logsigmoid(-logits)
    return -(pos_term.sum() + neg_term.sum()) / pos.sum().clamp(min=1)


def augment(x, heat, reg, weight, k):
    """One of the 8 symmetries of the square for the whole batch: shapes stay shapes, targets move with them."""
    if k & 1:   # mirror left-right: x offsets change sign
        x, heat, reg, weight = x.flip(-1), heat.flip(-1), reg.flip(-1), weight.flip(-1)
        reg = torch.cat([-reg[:, :1], reg[:, 1:]], 1)
    if k & 2:   # mirror top-bottom
        x, heat, reg, weight = x.flip(-2), heat.flip(-2), reg.flip(-2), weight.flip(-2)
        reg = torch.cat([reg[:, :1], -reg[:, 1:2], reg[:, 2:]], 1)
    if k & 4:   # transpose: x and y swap
        x, heat, reg, weight = x.transpose(-1, -2), heat.transpose(-1, -2), reg.transpose(-1, -2), weight.transpose(-1, -2)
        reg = reg[:, [1, 0, 3, 2]]
    return x, heat, reg, weight


def train(model, images, objects, steps, batch, lr, log):
    maps = [targets(o) for o in objects]
    heat = torch.from_numpy(np.stack([m[0] for m in maps]))
    reg = torch.from_numpy(np.stack([m[1] for m in maps]))
    weight = torch.from_numpy(np.stack([m[2] for m in maps]))
    pixels = torch.from_numpy(images).permute(0, 3, 1, 2)               # uint8 NCHW; scaled per batch
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=1e-4)
    warm = 100
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * 0.5 * (1 + np.cos(np.pi * min(s, steps) / steps)))
    gen = torch.Generator().manual_seed(MODEL_SEED)
    order, pos, recent = torch.randperm(len(images), generator=gen), 0, []
    model.train()
    t0, cpu0 = time.time(), time.process_time()
    for step in range(steps):
        if pos + batch > len(order):
            order, pos = torch.randperm(len(images), generator=gen), 0
        idx = order[pos:pos + batch]
        pos += batch
        k = int(torch.randint(8, (1,), generator=gen))
        x, h, r, w = augment(pixels[idx].float() / 255.0, heat[idx], reg[idx], weight[idx], k)
        out = model.raw(x)
        l_heat = focal_loss(out[:, :3], h)
        l_box = (w[:, None] * (out[:, 3:] - r).abs()).sum() / w.sum().clamp(min=1e-6)
        loss = l_heat + l_box
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        recent = (recent + [(loss.item(), l_heat.item(), l_box.item())])[-50:]
        if (step + 1) % 100 == 0 or step + 1 == steps:
            m = np.mean(recent, 0)
            log(f"step {step + 1}/{steps} loss {m[0]:.4f} (heat {m[1]:.4f} box {m[2]:.4f}) "
                f"lr {sched.get_last_lr()[0]:.5f} {time.time() - t0:.0f}s")
    model.eval()
    return float(np.mean(recent, 0)[0]), time.time() - t0, time.process_time() - cpu0


# ---------------------------------------------------------------- inference and post-processing

@torch.no_grad()
def detect(model, images, batch=100):
    """Raw detections [n, 576, 6] (float32) for uint8 HWC RGB images, exactly as the ONNX graph computes them."""
    outs = [model(torch.from_numpy(images[i:i + batch]).permute(0, 3, 1, 2).float() / 255.0)
            for i in range(0, len(images), batch)]
    return torch.cat(outs).numpy()


def iou(a, b):
    """IoU of two COCO [x, y, w, h] boxes (no +1 on widths), in float64."""
    iw = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    ih = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    return inter / (a[2] * a[3] + b[2] * b[3] - inter)


def postprocess(rows, threshold=SCORE_THRESHOLD, nms_iou=NMS_IOU, top_k=TOP_K):
    """Raw rows [K, 6] of one image -> kept rows [(k, x, y, w, h, score, category index)], best first.

    1. keep rows with score >= threshold;
    2. per category, greedy NMS: visit rows by score descending (ties: lower row index first), keep a row unless
       its IoU with an already kept row of the same category is > nms_iou;
    3. all categories together, sort by score descending (ties: lower row index first), keep the first top_k.
    Arithmetic in float64 on the float32 outputs.
    """
    rows = np.asarray(rows, np.float32).astype(np.float64)
    cand = [k for k in range(len(rows)) if rows[k, 4] >= threshold]
    cand.sort(key=lambda k: (-rows[k, 4], k))
    kept = []
    for k in cand:
        cat = rows[k, 5]
        if all(rows[j, 5] != cat or iou(rows[k, :4], rows[j, :4]) <= nms_iou for j in kept):
            kept.append(k)
    kept.sort(key=lambda k: (-rows[k, 4], k))
    return [(k, *rows[k, :4].tolist(), float(rows[k, 4]), int(rows[k, 5])) for k in kept[:top_k]]


# ---------------------------------------------------------------- ONNX export and a numpy check of it

def export(model, path):
    dummy = torch.zeros(2, 3, SIZE, SIZE)
    torch.onnx.export(model, (dummy,), path, input_names=["images"], output_names=["detections"],
                      dynamic_axes={"images": {0: "N"}, "detections": {0: "N"}}, opset_version=13,
                      do_constant_folding=True)
    # torch names the row count "Concatdetections_dim_1" (the stack loses it); it is fixed: say so
    m = onnx.load(path)
    dim = m.graph.output[0].type.tensor_type.shape.dim[1]
    dim.Clear()
    dim.dim_value = GRID * GRID
    onnx.checker.check_model(m)
    onnx.save(m, path)


def _conv(x, w, b=None, strides=(1, 1), pads=(0, 0, 0, 0), dilations=(1, 1), group=1, kernel_shape=None):
    assert group == 1
    n, c, h, wd = x.shape
    o, _, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    oh = (xp.shape[2] - dilations[0] * (kh - 1) - 1) // strides[0] + 1
    ow = (xp.shape[3] - dilations[1] * (kw - 1) - 1) // strides[1] + 1
    cols = np.stack([xp[:, :, i * dilations[0]:i * dilations[0] + strides[0] * (oh - 1) + 1:strides[0],
                        j * dilations[1]:j * dilations[1] + strides[1] * (ow - 1) + 1:strides[1]]
                     for i in range(kh) for j in range(kw)], 2)                   # [n, c, kh*kw, oh, ow]
    y = np.einsum("nckhw,ock->nohw", cols, w.reshape(o, c, kh * kw), optimize=True)
    return y + (0 if b is None else b[None, :, None, None])


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    for s, e, a, st in zip(starts, ends, axes, steps):
        idx[int(a)] = slice(int(s), int(min(e, np.iinfo(np.int64).max)), int(st))
    return x[tuple(idx)]


_NP_OPS = {   # exactly the ops this graph uses (float64 where it is cheap, to judge float32 error fairly)
    "Conv": _conv, "Relu": lambda x: np.maximum(x, 0), "Sigmoid": lambda x: 1 / (1 + np.exp(-x)),
    "Exp": np.exp, "Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide,
    "Clip": lambda x, lo=None, hi=None: np.clip(x, -np.inf if lo is None else lo, np.inf if hi is None else hi),
    "Shape": lambda x: np.array(x.shape, np.int64), "Gather": lambda d, i, axis=0: np.take(d, i, axis=axis),
    "Unsqueeze": lambda x, axes: np.expand_dims(x, tuple(int(a) for a in axes)),
    "Squeeze": lambda x, axes=None: np.squeeze(x, None if axes is None else tuple(int(a) for a in axes)),
    "Concat": lambda *xs, axis: np.concatenate(xs, axis=axis), "Slice": _slice,
    "Reshape": lambda x, s, allowzero=0: x.reshape([x.shape[i] if v == 0 else v for i, v in enumerate(s)]),
    "Flatten": lambda x, axis=1: x.reshape(int(np.prod(x.shape[:axis])), -1),
    "ReduceMax": lambda x, axes=None, keepdims=1: x.max(axis=tuple(axes), keepdims=bool(keepdims)),
    "ArgMax": lambda x, axis=0, keepdims=1, select_last_index=0: (
        np.expand_dims(x.argmax(axis), axis) if keepdims else x.argmax(axis)),
    "Cast": lambda x, to: x.astype({1: np.float64, 7: np.int64}[to]),
    "Transpose": lambda x, perm=None: np.transpose(x, perm),
}


def run_onnx(path, images):
    """Runs the exported graph with numpy (no onnxruntime on Debian); fails loudly on an op it does not know."""
    g = onnx.load(path).graph
    env = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    env[g.input[0].name] = images.astype(np.float64)
    for node in g.node:
        a = {x.name: onnx.helper.get_attribute_value(x) for x in node.attribute}
        if node.op_type == "Constant":
            out = numpy_helper.to_array(a["value"])
        elif node.op_type in _NP_OPS:
            out = _NP_OPS[node.op_type](*[env[i] if i else None for i in node.input], **a)
        else:
            raise NotImplementedError(f"run_onnx: op {node.op_type} ({node.name})")
        env[node.output[0]] = np.asarray(out)
    return env[g.output[0].name]


def onnx_signature(path):
    m = onnx.load(path)

    def dims(v):
        return [d.dim_param or d.dim_value for d in v.type.tensor_type.shape.dim]
    return {"opset": m.opset_import[0].version, "ir_version": m.ir_version,
            "ops": sorted({n.op_type for n in m.graph.node}),
            "inputs": [{"name": v.name, "shape": dims(v)} for v in m.graph.input],
            "outputs": [{"name": v.name, "shape": dims(v)} for v in m.graph.output]}


# ---------------------------------------------------------------- files

def png_bytes(img):
    buf = io.BytesIO()
    Image.fromarray(img, "RGB").save(buf, "PNG", optimize=True)
    return buf.getvalue()


def write_dataset(out, images, objects):
    """PNGs (8-bit RGB, no alpha, no palette) and instances.json; image id = file number (COCO's own naming)."""
    os.makedirs(os.path.join(out, "images"), exist_ok=True)
    coco = {"info": {"description": "Proctor synthetic shapes (make_detector.py)", "version": "1.0",
                     "seed": EVAL_SEED},
            "images": [], "annotations": [],
            "categories": [{"id": cid, "name": name, "supercategory": "shape"} for cid, name in CATEGORIES]}
    total = 0
    for i, (img, objs) in enumerate(zip(images, objects)):
        name = f"{i:06d}.png"
        data = png_bytes(img)
        with open(os.path.join(out, "images", name), "wb") as f:
            f.write(data)
        total += len(data)
        coco["images"].append({"id": i, "file_name": name, "width": SIZE, "height": SIZE})
        for cat, x, y, w, h in objs:      # annotation ids from 1: COCOeval reads id 0 as "unmatched"
            coco["annotations"].append({"id": len(coco["annotations"]) + 1, "image_id": i,
                                        "category_id": CATEGORIES[cat][0], "bbox": [x, y, w, h],
                                        "area": w * h, "iscrowd": 0})
    with open(os.path.join(out, "instances.json"), "w") as f:
        json.dump(coco, f, separators=(",", ":"))
    return coco, total


def read_pngs(out, n):
    return np.stack([np.asarray(Image.open(os.path.join(out, "images", f"{i:06d}.png")).convert("RGB"))
                     for i in range(n)])


def coco_results(raw, image_ids):
    return [{"image_id": int(iid), "category_id": CATEGORIES[c][0], "bbox": [round(v, 4) for v in (x, y, w, h)],
             "score": round(s, 6)}
            for rows, iid in zip(raw, image_ids) for _k, x, y, w, h, s, c in postprocess(rows)]


def baseline_results(image_ids):
    """Knows nothing: each category once per image, a box over the central half, score 0.5."""
    q = SIZE / 4
    return [{"image_id": int(i), "category_id": cid, "bbox": [q, q, 2 * q, 2 * q], "score": 0.5}
            for i in image_ids for cid, _ in CATEGORIES]


def score(jar, gt, results, path):
    """Proctor's own COCOeval-exact scorer (a snapshot jar), its --json output parsed."""
    with open(path, "w") as f:
        json.dump(results, f)
    out = subprocess.run(["java", "-jar", jar, "score", "detection", "--gt", gt, "--dt", path, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def headline(scored):
    """The 12 COCOeval figures and per-class AP from the scorer's JSON."""
    keys = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
    src = scored
    figs = {k: None if src.get(k) is None else round(float(src[k]), 4) for k in keys}  # None: no such boxes
    figs["per_class_AP"] = {v["name"]: round(float(v["AP"]), 4) for v in src.get("per_class", {}).values()}
    return figs


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def box_stats(objects):
    areas = np.array([w * h for objs in objects for _c, _x, _y, w, h in objs])
    return {"objects": int(len(areas)), "small": int((areas < 32 ** 2).sum()),
            "medium": int(((areas >= 32 ** 2) & (areas < 96 ** 2)).sum()), "large": int((areas >= 96 ** 2).sum()),
            "per_category": {name: int(sum(c == i for objs in objects for c, *_ in objs))
                             for i, (_cid, name) in enumerate(CATEGORIES)}}


def check_export(onnx_path, pixels, raw):
    """Max |diff| between the ONNX graph (numpy interpreter) and eager PyTorch on the same images."""
    feed = pixels.transpose(0, 3, 1, 2).astype(np.float32) / 255.0
    diff = float(np.abs(run_onnx(onnx_path, feed) - raw).max())
    assert diff < 1e-3, diff
    return diff


def write_fixture(path, coco, pixels, raw, onnx_sha256):
    """Eager outputs for the first 3 images, for Java's ONNX-through-DJL test."""
    fixture = {"about": "make_detector.py: eager PyTorch (float32) on the first 3 bundled images read from their "
                        "PNGs, RGB, value/255; raw = all rows of `detections`, rounded to 6 decimals; detections = "
                        "postprocess(raw) (score >= threshold, per-category greedy NMS, top_k), row = index into raw",
               "model": "shapes-detector", "onnx_sha256": onnx_sha256,
               "threshold": SCORE_THRESHOLD, "nms_iou": NMS_IOU, "top_k": TOP_K, "tolerance": 1e-4,
               "images": [{"image_id": coco["images"][i]["id"], "file_name": coco["images"][i]["file_name"],
                           "pixel_sum": int(pixels[i].astype(np.int64).sum()),   # a check on the PNG decoding
                           "raw": np.round(raw[i].astype(np.float64), 6).tolist(),
                           "detections": [{"row": k, "bbox": [x, y, w, h], "score": s, "category_index": c,
                                           "category_id": CATEGORIES[c][0]}
                                          for k, x, y, w, h, s, c in postprocess(raw[i])]}
                          for i in range(3)]}
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(fixture, f, separators=(",", ":"))


def write_config(path, args, model, run, coco, eval_objects, figures):
    """config.json beside model.onnx: signature, categories, post-processing, the training run and its scores."""
    config = {
        "name": "shapes-detector",
        "architecture": "CenterNet-style single-scale detector: 7 conv3x3+ReLU layers (BatchNorm folded; strides 2, 2, "
                        "then dilations 1, 2, 4, 2, 1) to a 24x24 grid (stride 4), a 1x1 head with 3 class logits and "
                        "a box per cell; decoding in the graph, no NMS",
        "parameters": n_params(model), "width": args.width,
        "input": {"name": "images", "shape": ["N", 3, SIZE, SIZE], "dtype": "float32", "channels": "RGB",
                  "layout": "NCHW", "scaling": "value / 255, no mean/std normalisation"},
        "output": {"name": "detections", "shape": ["N", GRID * GRID, 6], "dtype": "float32",
                   "row": ["x", "y", "w", "h", "score", "category_index"],
                   "about": "one row per grid cell k = row * 24 + col; box in COCO layout (top-left, width, height) "
                            "in input pixels, clipped to [0, 96]; score = sigmoid of the best class logit; "
                            "category_index as a float"},
        "categories": [{"index": i, "id": cid, "name": name} for i, (cid, name) in enumerate(CATEGORIES)],
        "postprocess": {"score_threshold": SCORE_THRESHOLD, "nms": "greedy, per category, suppress IoU > nms_iou",
                        "nms_iou": NMS_IOU, "top_k": TOP_K},
        "onnx": run["onnx"],
        "training": {"seed": MODEL_SEED, "data_seed": TRAIN_SEED, "images": args.train_images, "steps": args.steps,
                     "batch_size": args.batch, "lr": args.lr, "optimizer": "AdamW, warm-up 100 steps, cosine",
                     "augmentation": "the 8 flips/transposes of the square", "final_loss": round(run["final_loss"], 4),
                     "seconds": round(run["seconds"]), "cpu_seconds": round(run["cpu_seconds"]), "threads": args.threads},
        "eval_set": {"seed": EVAL_SEED, "images": args.eval_images, "boxes": len(coco["annotations"]),
                     "png_bytes": run["png_bytes"], **box_stats(eval_objects)},
        "coco_bbox": figures,
        "onnx_vs_eager_max_abs_diff": run["onnx_diff"],
        "torch": torch.__version__,
    }
    with open(path, "w") as f:
        json.dump(config, f, indent=2)
        f.write("\n")


# ---------------------------------------------------------------- main

def write_detector_json(out):
    """What Proctor's detector model reads (model-djl DetectorConfig): tensor names, input size, labels by output
    index, and the selection `postprocess` makes."""
    names = ", ".join(f'"{name}"' for _cid, name in CATEGORIES)
    with open(os.path.join(out, "detector.json"), "w") as f:
        f.write(f'{{"input": "images", "inputHeight": {SIZE}, "inputWidth": {SIZE}, "output": "detections",\n'
                f' "categories": [{names}],\n'
                f' "scoreThreshold": {SCORE_THRESHOLD}, "nmsIou": {NMS_IOU}, "maxDetections": {TOP_K}}}\n')


def write_embedded_index():
    """The embedded models' index lists every file with its SHA-256: rewrite it through make_model.py."""
    script = os.path.join(ROOT, "harness/embedded-model/python/make_model.py")
    subprocess.run([sys.executable, script, "--index-only"], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-data", default=DATA_DIR, help="evaluation set: images/*.png and instances.json")
    ap.add_argument("--out-model", default=MODEL_DIR, help="model.onnx and config.json")
    ap.add_argument("--out-fixture", default=FIXTURE, help="eager PyTorch outputs for the first 3 eval images")
    ap.add_argument("--train-images", type=int, default=8000)
    ap.add_argument("--eval-images", type=int, default=200)
    ap.add_argument("--steps", type=int, default=2400)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--width", type=int, default=48, help="channels of the 24x24 layers")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--jar", default="/tmp/proctor-snap.jar", help="a Proctor jar for `score detection`; "
                    "'' to skip scoring")
    ap.add_argument("--dt-out", default="/tmp/shapes_dt.json", help="where the model's COCO results go")
    args = ap.parse_args()

    torch.manual_seed(MODEL_SEED)
    torch.set_num_threads(args.threads)
    log = lambda s: print(s, flush=True)

    t0 = time.time()
    train_images, train_objects = make_set(TRAIN_SEED, args.train_images)
    eval_images, eval_objects = make_set(EVAL_SEED, args.eval_images)
    log(f"data: {args.train_images} train / {args.eval_images} eval images in {time.time() - t0:.0f}s; "
        f"train {box_stats(train_objects)}; eval {box_stats(eval_objects)}")

    model = ShapesDetector(args.width)
    log(f"model: {n_params(model)} parameters")
    final_loss, train_s, train_cpu_s = train(model, train_images, train_objects, args.steps, args.batch, args.lr, log)
    fold_batchnorm(model).eval()

    coco, png_total = write_dataset(args.out_data, eval_images, eval_objects)
    log(f"eval set: {len(coco['images'])} images, {len(coco['annotations'])} boxes, PNGs {png_total} B")
    pixels = read_pngs(args.out_data, args.eval_images)                # what Java will read: the PNGs
    assert np.array_equal(pixels, eval_images), "PNG round trip changed pixels"
    raw = detect(model, pixels)

    os.makedirs(args.out_model, exist_ok=True)
    onnx_path = os.path.join(args.out_model, "model.onnx")
    export(model, onnx_path)
    onnx_diff = check_export(onnx_path, pixels[:4], raw[:4])
    log(f"onnx: {os.path.getsize(onnx_path)} B, numpy interpreter vs eager max |diff| {onnx_diff:.2e}")

    ids = [im["id"] for im in coco["images"]]
    figures = {}
    if args.jar:
        gt = os.path.join(args.out_data, "instances.json")
        figures["model"] = headline(score(args.jar, gt, coco_results(raw, ids), args.dt_out))
        figures["baseline_central_half"] = headline(score(args.jar, gt, baseline_results(ids),
                                                          os.path.splitext(args.dt_out)[0] + "_baseline.json"))
        log(f"AP: {json.dumps(figures)}")

    write_fixture(args.out_fixture, coco, pixels, raw, sha256(onnx_path))
    run = {"final_loss": final_loss, "seconds": train_s, "cpu_seconds": train_cpu_s, "onnx_diff": onnx_diff,
           "onnx": onnx_signature(onnx_path), "png_bytes": png_total}
    write_config(os.path.join(args.out_model, "config.json"), args, model, run, coco, eval_objects, figures)
    write_detector_json(args.out_model)
    if args.out_model == MODEL_DIR:
        write_embedded_index()
    log(f"done in {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
