"""Runs an ONNX graph with numpy, for checking exports against eager PyTorch.

Debian's python3-onnx 1.12 has no onnx.reference and there is no onnxruntime, so this covers exactly the
ops torch 1.13 emits for TinyGPT at opset 14 and fails loudly on any other.
"""
import numpy as np
import onnx
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _slice(x, starts, ends, axes=None, steps=None):
    axes = range(len(starts)) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    idx = [slice(None)] * x.ndim
    for s, e, a, st in zip(starts, ends, axes, steps):
        idx[int(a)] = slice(int(s), int(min(e, np.iinfo(np.int64).max)), int(st))
    return x[tuple(idx)]


def _reduce(fn):
    def op(x, axes=None, keepdims=1, **_):
        return fn(x, axis=None if axes is None else tuple(int(a) for a in axes), keepdims=bool(keepdims))
    return op


ONNX_TO_NP = {1: np.float32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}
OPS = {
    "Add": lambda a, b: a + b, "Sub": lambda a, b: a - b, "Mul": lambda a, b: a * b,
    "Div": lambda a, b: a // b if a.dtype.kind == "i" else a / b, "Pow": lambda a, b: np.power(a, b).astype(a.dtype),
    "Sqrt": np.sqrt, "Tanh": np.tanh, "Neg": np.negative, "MatMul": np.matmul, "Identity": lambda a: a,
    "Equal": np.equal, "Greater": np.greater, "GreaterOrEqual": np.greater_equal, "Less": np.less, "And": np.logical_and, "Not": np.logical_not,
    "Where": np.where, "Shape": lambda a: np.array(a.shape, dtype=np.int64),
    "Gather": lambda d, i, axis=0: np.take(d, i, axis=axis),
    "Reshape": lambda x, s, allowzero=0: x.reshape([x.shape[i] if v == 0 else v for i, v in enumerate(s)]),
    "Transpose": lambda x, perm=None: np.transpose(x, perm),
    "Unsqueeze": lambda x, axes: np.expand_dims(x, tuple(int(a) for a in axes)),
    "Squeeze": lambda x, axes=None: np.squeeze(x, None if axes is None else tuple(int(a) for a in axes)),
    "Concat": lambda *xs, axis: np.concatenate(xs, axis=axis),
    "Cast": lambda x, to: x.astype(ONNX_TO_NP[to]), "Slice": _slice,
    "Softmax": lambda x, axis=-1: _softmax(x, axis), "Expand": lambda x, s: x * np.ones(s, dtype=x.dtype),
    "ReduceMean": _reduce(np.mean), "ReduceSum": _reduce(np.sum),
    "Range": lambda s, e, d: np.arange(s, e, d), "CumSum": lambda x, a: np.cumsum(x, axis=int(a)).astype(x.dtype),
    "ConstantOfShape": lambda s, value=None: np.full(s, numpy_helper.to_array(value)[0] if value is not None else 0.0),
    "Gemm": lambda a, b, c=0, alpha=1.0, beta=1.0, transA=0, transB=0:
        alpha * ((a.T if transA else a) @ (b.T if transB else b)) + beta * c,
    "Split": lambda x, split, axis=0: tuple(np.split(x, np.cumsum(split)[:-1], axis=axis)),
}


def run(path, feeds):
    """The graph's first output (the logits)."""
    return run_all(path, feeds)[0]


def run_all(model, feeds):
    """Every output of the graph, in its order; model is a path or a loaded ModelProto."""
    g = (onnx.load(model) if isinstance(model, str) else model).graph
    env = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    env.update(feeds)
    for node in g.node:
        a = _attrs(node)
        if node.op_type == "Constant":
            out = (numpy_helper.to_array(a["value"]),)
        elif node.op_type in OPS:
            res = OPS[node.op_type](*[env[i] if i else None for i in node.input], **a)
            out = res if isinstance(res, tuple) else (res,)
        else:
            raise NotImplementedError(f"onnx_check: op {node.op_type} ({node.name})")
        for name, val in zip(node.output, out):
            env[name] = np.asarray(val)
    return [env[o.name] for o in g.output]
