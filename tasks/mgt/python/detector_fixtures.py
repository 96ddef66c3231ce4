#!/usr/bin/python3
"""Writes the zero-shot detector fixtures: the reference implementations' own numbers on fixed logits.

DetectGPT's baselines (get_ll, get_rank, get_entropy of run.py) and Binoculars' perplexity and entropy
(binoculars/metrics.py) are read from checkouts of their repositories and run as they are, on random float32
logits that stand for a model's output (transformers' model call replaced by a stub that returns those logits and,
for get_ll, the loss transformers computes: mean cross-entropy of the shifted labels). Everything in float64, so the
Java side, which reads the same float32 logits, must agree to rounding.

    /usr/bin/python3 tasks/mgt/python/detector_fixtures.py \\
        --detect-gpt PATH/detect-gpt --binoculars PATH/Binoculars   # commits 447d2ce and c8ae2f9
"""
import argparse, ast, json, os, sys, types

import numpy as np
import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources",
                   "detector-fixtures.json")


def load_functions(path, names, namespace):
    """Executes only the named top-level functions of a source file in `namespace`."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    wanted = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name in names]
    missing = set(names) - {n.name for n in wanted}
    if missing:
        raise SystemExit(f"{path} lacks {missing}")
    exec(compile(ast.Module(body=wanted, type_ignores=[]), path, "exec"), namespace)


class Tokenized(dict):
    """What a tokenizer call returns, enough for the reference code: input_ids, attention_mask, .to()."""
    def __getattr__(self, name):
        return self[name]

    def to(self, _device):
        return self


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--detect-gpt", required=True)
    ap.add_argument("--binoculars", required=True)
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()

    # Binoculars' metrics.py imports transformers only for type hints
    sys.modules.setdefault("transformers", types.SimpleNamespace(BatchEncoding=object))
    bino = {}
    exec(open(os.path.join(a.binoculars, "binoculars", "metrics.py"), encoding="utf-8").read(), bino)

    rng = np.random.default_rng(20241203)
    cases = []
    for n, vocab in [(2, 7), (5, 11), (9, 31), (17, 50)]:
        tokens = rng.integers(0, vocab, size=n)
        observer = rng.normal(0, 2.5, size=(n, vocab)).astype(np.float32)
        performer = rng.normal(0, 2.5, size=(n, vocab)).astype(np.float32)
        ids = torch.tensor(tokens[None, :], dtype=torch.long)
        enc = Tokenized(input_ids=ids, attention_mask=torch.ones_like(ids))
        obs = torch.tensor(observer[None].astype(np.float64))
        perf = torch.tensor(performer[None].astype(np.float64))

        class Model:  # the stub for base_model(**tokenized[, labels=...])
            def __call__(self, input_ids, attention_mask, labels=None):
                out = types.SimpleNamespace(logits=perf)
                if labels is not None:  # transformers' causal-LM loss: mean CE of shifted logits and labels
                    out.loss = F.cross_entropy(perf[0, :-1], labels[0, 1:])
                return out

        dg = {"torch": torch, "F": F, "np": np, "DEVICE": "cpu", "args": types.SimpleNamespace(openai_model=None),
              "base_model": Model(), "base_tokenizer": lambda text, return_tensors=None: enc}
        load_functions(os.path.join(a.detect_gpt, "run.py"), ["get_ll", "get_rank", "get_entropy"], dg)
        # pad_token_id = an id outside the vocabulary: no token is padding (the eos quirk is not exercised)
        ppl = bino["perplexity"](enc, perf)[0]
        x_ppl = bino["entropy"](obs, perf, enc, pad_token_id=vocab)[0]
        cases.append({
            "vocab": vocab, "tokens": tokens.tolist(),
            "observerLogits": observer.ravel().tolist(), "performerLogits": performer.ravel().tolist(),
            "detectGpt": {"ll": dg["get_ll"]("x"), "logRank": dg["get_rank"]("x", log=True),
                          "rank": dg["get_rank"]("x", log=False), "entropy": dg["get_entropy"]("x")},
            "binoculars": {"ppl": float(ppl), "xPpl": float(x_ppl), "score": float(ppl / x_ppl)},
        })
    json.dump({"generatedBy": "tasks/mgt/python/detector_fixtures.py",
               "references": {"detect-gpt": "eric-mitchell/detect-gpt@447d2ce8 run.py",
                              "binoculars": "ahans30/Binoculars@c8ae2f90 binoculars/metrics.py"},
               "cases": cases}, open(a.out, "w"), indent=1)
    print(f"wrote {len(cases)} cases to {a.out}")


if __name__ == "__main__":
    main()
