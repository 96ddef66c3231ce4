#!/usr/bin/python3
"""Makes Proctor's embedded tiny GPT, its tokenizer and the bundled synthetic multiple-choice suite.

Everything is deterministic given the seeds: the suite depends only on DATA_SEED, a model on --seed.
Plain PyTorch 1.13 (Debian python3-torch); no transformers/tokenizers. See ../README.md for commands.
"""
import argparse, hashlib, json, os, random, shutil, sys, time

# Debian's torch calls the system BLAS, which defaults to the slow reference one; libopenblas0-serial is ~8x
# faster and single-threaded. Use it for this process only (the committed models were made with it).
_OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-serial"
if os.path.exists(_OPENBLAS + "/libblas.so.3") and _OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
    os.environ["LD_LIBRARY_PATH"] = _OPENBLAS + ":" + os.environ.get("LD_LIBRARY_PATH", "")
    os.execv(sys.executable, [sys.executable] + sys.argv)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import suite as S            # the synthetic facts, the suite and the prompt formats
import tokenizer as T        # hand-written GPT-2 style byte-level BPE + tokenizer.json
import onnx_check            # tiny numpy ONNX interpreter (no onnxruntime / onnx.reference on Debian's onnx 1.12)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
RES = os.path.join(ROOT, "harness/embedded-model/src/main/resources/dev/proctor/embedded")
SUITE_DIR = os.path.join(ROOT, "tasks/synthetic/src/main/resources/dev/proctor/synthetic")
FIXTURE_DIR = os.path.join(ROOT, "harness/model-djl/src/test/resources/fixtures/needs-past")
ARCH = ("causal LM: pre-LN transformer, learned positions, token shift (1 and 2 back), tied embeddings, pointer "
        "head over token embeddings reading 2 and 3 back; forward(input_ids, attention_mask, position_ids) -> logits")
MASK = -1e9  # finite: a fully masked row (left padding) gives a uniform softmax, never NaN


class Block(nn.Module):
    def __init__(self, d, heads, mlp):
        super().__init__()
        self.heads, self.hd = heads, d // heads
        self.scale = 1.0 / float(self.hd) ** 0.5  # a Python constant, fixed here rather than in forward
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc1, self.fc2 = nn.Linear(d, mlp * d), nn.Linear(mlp * d, d)
        # token shift (as in RWKV / "smeared keys"): each position also sees the 1 and 2 previous tokens, so
        # "B. wool" puts the letter B into wool's key and value and the MC look-up needs one head, not a chain
        self.shift = nn.Parameter(torch.full((2, d), 0.5))

    def forward(self, x, allowed, prev1, prev2):
        b, s, d = x.shape
        h = self.ln1(x)
        zero = h[:, :2] * 0.0  # zeros of the right shape, also when s < 2 (a traced constant would freeze s)
        h = (h + self.shift[0] * prev1 * torch.cat([zero[:, :1], h[:, :-1]], 1)
             + self.shift[1] * prev2 * torch.cat([zero, h[:, :-2]], 1))
        q, k, v = self.qkv(h).reshape(b, s, 3, self.heads, self.hd).permute(2, 0, 3, 1, 4).unbind(0)
        att = torch.where(allowed, (q @ k.transpose(-1, -2)) * self.scale, torch.full_like(q[..., :1], MASK))
        x = x + self.proj((att.softmax(-1) @ v).transpose(1, 2).reshape(b, s, d))
        h = self.fc1(self.ln2(x))
        h = 0.5 * h * (1.0 + torch.tanh(0.7978845608 * (h + 0.044715 * h * h * h)))  # tanh-GELU: plain ONNX ops
        return x + self.fc2(h)


class TinyGPT(nn.Module):
    """forward(input_ids, attention_mask, position_ids) -> logits [batch, seq, vocab]; weights tied."""

    def __init__(self, vocab, d=64, layers=2, heads=4, ctx=512, mlp=4, past_input=False):
        super().__init__()
        self.cfg = dict(architecture=ARCH, vocab_size=vocab, d_model=d, n_layers=layers, n_heads=heads,
                        max_position_embeddings=ctx, mlp_ratio=mlp)
        self.tok, self.pos = nn.Embedding(vocab, d), nn.Embedding(ctx, d)
        self.blocks = nn.ModuleList([Block(d, heads, mlp) for _ in range(layers)])
        self.ln = nn.LayerNorm(d)
        # pointer head (a built-in induction head, cf. pointer-generator networks): the final state attends to
        # earlier tokens by how strongly it predicts them (keys = token embeddings) and reads the tokens 2 and 3
        # places before the one it finds ("B. wool" / "B. 羊毛"): recalling "wool" then yields the letter B
        self.ptr_q, self.ptr_o = nn.Linear(d, d, bias=False), nn.Linear(d, d, bias=False)
        self.ptr_recency = nn.Parameter(torch.tensor(0.1))  # per token of distance: prefer this question's options
                                                              # over the same text in earlier worked examples
        self.past_input = past_input
        for m in self.modules():
            if isinstance(m, (nn.Linear, nn.Embedding)):
                nn.init.normal_(m.weight, std=0.02)
                if isinstance(m, nn.Linear) and m.bias is not None:
                    nn.init.zeros_(m.bias)
        with torch.no_grad():  # the pointer starts as "attend to what I predict, add what stands before it"
            self.ptr_q.weight.copy_(torch.eye(d))
            self.ptr_o.weight.copy_(torch.eye(d) * 10.0)

    def hidden(self, input_ids, attention_mask, position_ids, past=None, doc=None, want_q=False):
        # causal mask built from the ids' shape (a cumsum the trace keeps dynamic), not a ctx x ctx constant
        idx = torch.cumsum(torch.ones_like(input_ids[:1]), 1)
        allowed = (idx[:, None, :, None] >= idx[:, None, None, :]) & (attention_mask[:, None, None, :] > 0)
        if doc is not None:  # training only: packed documents do not see each other
            allowed = allowed & (doc[:, None, :, None] == doc[:, None, None, :])
        x = self.tok(input_ids) + self.pos(position_ids)
        if past is not None:  # only the needs-past test fixture: a declared, used, meaningless extra input
            x = x + past.sum() * 0.0
        # shifts stay inside a document: position ids restart at 0 for each packed document (and each prompt)
        prev1 = (position_ids >= 1).to(x.dtype)[..., None]
        prev2 = (position_ids >= 2).to(x.dtype)[..., None]
        prev3 = (position_ids >= 3).to(x.dtype)[..., None]
        for blk in self.blocks:
            x = blk(x, allowed, prev1, prev2)
        h = self.ln(x)
        e = self.tok(input_ids)
        zero = e[:, :3] * 0.0
        before = prev2 * torch.cat([zero[:, :2], e[:, :-2]], 1) + prev3 * torch.cat([zero, e[:, :-3]], 1)
        q = self.ptr_q(h)
        dist = (idx[:, :, None] - idx[:, None, :]).to(h.dtype)
        score = (q @ e.transpose(1, 2) - self.ptr_recency * dist)[:, None]
        att = torch.where(allowed, score, torch.full_like(h[:, None, :, :1], MASK))
        out = h + self.ptr_o((att.softmax(-1) @ before[:, None])[:, 0])
        return (out, q) if want_q else out

    def forward(self, input_ids, attention_mask, position_ids):
        return self.hidden(input_ids, attention_mask, position_ids) @ self.tok.weight.t()


def n_params(m):
    return sum(p.numel() for p in m.parameters())


# ---------------------------------------------------------------- training data

def make_doc(rng, tok, facts, mix):
    """One training document: fact statements (full LM loss) or an MC practice prompt (loss on answers)."""
    if rng.random() < mix["fact_fraction"]:
        parts = [S.statement(rng.choice(facts), rng) for _ in range(rng.randint(1, 4))]
        ids = tok.encode(" ".join(parts) if rng.random() < 0.5 else "\n".join(parts))
        return ids, [1.0] * len(ids), [-1] * len(ids)
    ids, w, a = [], [], []
    for text, value in S.practice_prompt(rng, facts, mix["max_shots"], mix["match_fraction"]):
        t = tok.encode(text)  # answers are their own pieces, tokenized as lm-eval's continuations are
        ids += t
        w += [1.0 if value else mix["context_weight"]] * len(t)
        a += [tok.encode(value)[0] if value else -1] * len(t)
    return ids, w, a


def make_batch(rng, tok, facts, mix, rows, row_len, carry):
    """Documents packed into rows without padding waste; each keeps its own positions (0..n) and attends only
    to itself (doc ids), so packing is exactly equivalent to running the documents one by one."""
    x = torch.zeros(rows, row_len, dtype=torch.long)
    y, pos, doc = torch.zeros_like(x), torch.zeros_like(x), torch.full_like(x, -1)
    wt, ans = torch.zeros(rows, row_len), torch.full((rows, row_len), -1, dtype=torch.long)
    k = 0
    for r in range(rows):
        used = 0
        while used < row_len:
            d = carry.pop() if carry else make_doc(rng, tok, facts, mix)
            n = min(len(d[0]), row_len + 1) - 1
            if n > row_len - used:
                if used:
                    carry.append(d)  # starts the next row instead
                    break
            sl = slice(used, used + n)
            x[r, sl], y[r, sl] = torch.tensor(d[0][:n]), torch.tensor(d[0][1:n + 1])
            wt[r, sl], ans[r, sl] = torch.tensor(d[1][1:n + 1]), torch.tensor(d[2][1:n + 1])
            pos[r, sl], doc[r, sl] = torch.arange(n), k
            used, k = used + n, k + 1
    return x, (doc >= 0).long(), pos, doc, y, wt, ans


@torch.no_grad()
def suite_accuracy(model, tok, suite, fmt, shots=0):
    """Letter scoring as the harness does it: argmax of the next-token logits over the 4 letter tokens;
    worked examples are the subject's first dev items."""
    model.eval()
    letters = [tok.encode(fmt["delim"] + L)[0] for L in "ABCD"]
    per, hits_all, n_all = {}, 0, 0
    for subj, data in suite.items():
        items = data["test"]
        prompts = [tok.encode(S.render(fmt, subj, it, data["dev"][:shots])) for it in items]
        hits = 0
        for i in range(0, len(prompts), 32):
            chunk = prompts[i:i + 32]
            L = max(map(len, chunk))
            ids = torch.zeros(len(chunk), L, dtype=torch.long)
            am = torch.zeros_like(ids)
            for j, p in enumerate(chunk):
                ids[j, :len(p)], am[j, :len(p)] = torch.tensor(p), 1
            logits = model(ids, am, torch.arange(L)[None].expand(len(chunk), -1))
            for j, p in enumerate(chunk):
                pred = int(torch.argmax(logits[j, len(p) - 1, letters]))
                hits += pred == items[i + j]["gold"]
        per[subj] = hits / len(items)
        hits_all, n_all = hits_all + hits, n_all + len(items)
    model.train()
    return hits_all / n_all, per


def train(args, tok, facts, items, mix, ckpt_steps, on_ckpt):
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    model = TinyGPT(tok.vocab_size, d=args.d, layers=args.layers, heads=args.heads, ctx=args.ctx, mlp=args.mlp)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.98), weight_decay=0.01)
    warm = max(1, args.steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(
        0.05, 0.5 * (1 + np.cos(np.pi * min(1.0, s / max(1, args.steps))))))
    ema, ema_a, t0, carry = None, None, time.time(), []
    for step in range(1, args.steps + 1):
        x, am, pos, doc, y, wt, ans = make_batch(rng, tok, facts, mix, args.batch, args.row_len, carry)
        sel = wt > 0  # the vocabulary projection only where the loss looks (answers of practice prompts)
        h, q = model.hidden(x, am, pos, doc=doc, want_q=True)
        logits = h[sel] @ model.tok.weight.t()
        loss = (F.cross_entropy(logits, y[sel], reduction="none") * wt[sel]).sum() / wt.sum()
        # auxiliary recall loss: at an answer, the pointer query must "predict" the correct option's text
        at = ans >= 0
        if at.any():
            loss = loss + F.cross_entropy(q[at] @ model.tok.weight.t(), ans[at])
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        ema = loss.item() if ema is None else 0.98 * ema + 0.02 * loss.item()
        with torch.no_grad():  # loss on the practice answers alone (log 4 = 1.386 is guessing)
            a_sel = ans[sel] >= 0
            a = F.cross_entropy(logits[a_sel], y[sel][a_sel]).item() if a_sel.any() else 1.386
            ema_a = a if ema_a is None else 0.98 * ema_a + 0.02 * a
        if step % 100 == 0 or step == args.steps:
            acc, _ = suite_accuracy(model, tok, items, S.FORMATS["mmlu-official"]) if step % args.eval_every == 0 else (float("nan"), 0)
            print(f"step {step} loss {ema:.4f} answers {ema_a:.4f} lr {sched.get_last_lr()[0]:.5f} acc {acc:.3f} {time.time() - t0:.0f}s", flush=True)
        if step in ckpt_steps:
            on_ckpt(step, model, ema)
    return model, ema


# ---------------------------------------------------------------- export and checks

def export(model, out, torchscript=True, input_names=("input_ids", "attention_mask", "position_ids"), extra=None):
    os.makedirs(out, exist_ok=True)
    model.eval()
    ids = torch.tensor([[5, 6, 7, 8, 9, 10, 11, 12], [13, 14, 15, 16, 0, 0, 0, 0]])
    am = (torch.arange(8)[None] < torch.tensor([[8], [4]])).long()
    pos = torch.arange(8)[None].expand(2, -1).contiguous()
    feeds = {"input_ids": ids, "attention_mask": am, "position_ids": pos}
    if extra is not None:
        feeds.update(extra)
    args = tuple(feeds[n] for n in input_names)
    axes = {n: {0: "batch", 1: "seq"} for n in input_names if n in ("input_ids", "attention_mask", "position_ids")}
    axes["logits"] = {0: "batch", 1: "seq"}
    if extra is not None:
        axes["past_key_values.0.key"] = {0: "batch", 2: "past_seq"}
        model = Wrap(model)
    torch.onnx.export(model, args, os.path.join(out, "model.onnx"), input_names=list(input_names),
                      output_names=["logits"], dynamic_axes=axes, opset_version=14,
                      do_constant_folding=False)  # folding would store the tied, transposed embedding twice
    if torchscript:
        torch.jit.trace(model, args).save(os.path.join(out, "model.pt"))


class Wrap(nn.Module):
    """needs-past fixture signature: (input_ids, attention_mask, past_key_values.0.key)."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, past):
        pos = torch.cumsum(torch.ones_like(input_ids), 1) - 1
        return self.m.hidden(input_ids, attention_mask, pos, past) @ self.m.tok.weight.t()


@torch.no_grad()
def verify(model, out, torchscript=True):
    """Exported graphs == eager at shapes other than the traced (2,8); right padding does not leak."""
    model.eval()
    g = torch.Generator().manual_seed(0)
    V = model.cfg["vocab_size"]
    for b, s in [(3, 21), (1, 5), (4, 37)]:
        ids = torch.randint(0, V, (b, s), generator=g)
        lens = torch.randint(1, s + 1, (b,), generator=g)
        lens[0] = s
        am = (torch.arange(s)[None] < lens[:, None]).long()
        pos = torch.arange(s)[None].expand(b, -1).contiguous()
        ref = model(ids, am, pos)
        tol = 1e-5 * max(10.0, float(ref.abs().max()))  # float32 rounding grows with the logits' size
        for i in range(b):  # padding invariance: the row alone, unpadded, gives the same logits
            n = int(lens[i])
            alone = model(ids[i:i + 1, :n], am[i:i + 1, :n], pos[i:i + 1, :n])
            assert float((alone[0] - ref[i, :n]).abs().max()) < tol, "padding changes logits"
        got = onnx_check.run(os.path.join(out, "model.onnx"),
                             {"input_ids": ids.numpy(), "attention_mask": am.numpy(), "position_ids": pos.numpy()})
        d_onnx = float(np.abs(got - ref.numpy()).max())
        assert d_onnx < tol, f"onnx differs by {d_onnx}"
        d_ts = 0.0
        if torchscript:
            ts = torch.jit.load(os.path.join(out, "model.pt"))
            d_ts = float((ts(ids, am, pos) - ref).abs().max())
            assert d_ts < tol, f"torchscript differs by {d_ts}"
        print(f"  verified {out.split('/')[-1]} at ({b},{s}): max |onnx-eager| {d_onnx:.2e}, |ts-eager| {d_ts:.2e}")


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_model_dir(model, tok, out, cfg, torchscript, check=True):
    if os.path.isdir(out):
        shutil.rmtree(out)
    export(model, out, torchscript)
    tok.save(os.path.join(out, "tokenizer.json"))
    if check:
        verify(model, out, torchscript)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2, ensure_ascii=False)
        f.write("\n")


def write_index():
    """Jars cannot list a classpath directory, so EmbeddedModels reads this index (checkpoints in training order)."""
    names = ["tiny-gpt", "tiny-gpt-seed2", "tiny-gpt-mix"]
    ck = os.path.join(RES, "tiny-gpt-checkpoints")
    if os.path.isdir(ck):
        names += ["tiny-gpt-checkpoints/" + d for d in sorted(os.listdir(ck))]
    names.append("shapes-detector")  # made by tasks/detection/python/make_detector.py
    with open(os.path.join(RES, "index.tsv"), "w") as out:
        out.write("# written by make_model.py: model<TAB>file<TAB>size<TAB>sha256\n")
        for n in names:
            d = os.path.join(RES, n)
            for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                out.write(f"{n}\t{f}\t{os.path.getsize(os.path.join(d, f))}\t{sha256(os.path.join(d, f))}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--run", choices=["default", "seed2", "mix"], default="default",
                    help="default: tiny-gpt + checkpoints + suite; seed2/mix: the comparison models")
    ap.add_argument("--steps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--d", type=int, default=48)
    ap.add_argument("--layers", type=int, default=3)
    ap.add_argument("--heads", type=int, default=4)
    ap.add_argument("--mlp", type=int, default=3)
    ap.add_argument("--ctx", type=int, default=512)
    ap.add_argument("--batch", type=int, default=6, help="rows of packed documents per step")
    ap.add_argument("--row-len", type=int, default=512)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--eval-every", type=int, default=500)
    ap.add_argument("--mix", help='JSON overriding data-mix fields, e.g. {"fact_fraction": 0.5}')
    ap.add_argument("--checkpoints", type=int, default=5, help="checkpoints over the last half of training")
    ap.add_argument("--out", help="output directory (default: the committed resource path)")
    ap.add_argument("--random-large", action="store_true", help="untrained d512 x 8 layers, ctx 1024 (speed tests)")
    ap.add_argument("--fixture-needs-past", metavar="DIR", nargs="?", const=FIXTURE_DIR,
                    help="write the needs-past negative-test fixture and exit")
    ap.add_argument("--index-only", action="store_true", help="rewrite index.tsv from the model folders and exit")
    args = ap.parse_args()
    if args.index_only:
        write_index()
        return
    torch.set_num_threads(1)  # shared 2-core machine
    facts, suite = S.build(S.DATA_SEED)
    tok = T.Tokenizer(S.all_text(facts), S.values(facts))
    tok.self_test()
    for f in facts:  # each value is one token wherever it appears: statements, questions' options
        assert all(tok.vocab.get(v) in tok.encode(st) for st in f["statements"]
                   for v in ["".join(T.B2U[b] for b in ((" " if S.lang(f["subject"]) == "en" else "") + f["value"]).encode())]), f

    if args.fixture_needs_past:
        torch.manual_seed(0)
        m = TinyGPT(tok.vocab_size, d=4, layers=1, heads=1, ctx=16, mlp=1, past_input=True)
        os.makedirs(args.fixture_needs_past, exist_ok=True)
        export(m, args.fixture_needs_past, torchscript=False, input_names=("input_ids", "attention_mask", "past_key_values.0.key"),
               extra={"past_key_values.0.key": torch.zeros(2, 1, 3, 4)})
        tok.save(os.path.join(args.fixture_needs_past, "tokenizer.json"))
        print("wrote", args.fixture_needs_past)
        return
    if args.random_large:
        torch.manual_seed(args.seed or 0)
        m = TinyGPT(tok.vocab_size, d=512, layers=8, heads=8, ctx=1024)
        out = args.out or "random-large"
        cfg = dict(m.cfg, name="random-large", trained=False, seed=args.seed or 0, eos_token_id=tok.eos_id, parameters=n_params(m))
        write_model_dir(m, tok, out, cfg, torchscript=True, check=True)
        print("wrote", out, n_params(m), "parameters")
        return

    S.write_suite(suite, SUITE_DIR) if args.run == "default" and not args.out else None
    base = dict(fact_fraction=0.3, match_fraction=0.3, max_shots=5, context_weight=0.0)
    mixes = {"default": base, "seed2": base,
             "mix": dict(base, fact_fraction=0.5, match_fraction=0.15)}
    seed = args.seed if args.seed is not None else {"default": 1, "seed2": 2, "mix": 1}[args.run]
    args.seed = seed
    mix = dict(mixes[args.run], **json.loads(args.mix or "{}"))
    name = {"default": "tiny-gpt", "seed2": "tiny-gpt-seed2", "mix": "tiny-gpt-mix"}[args.run]
    out = args.out or os.path.join(RES, name)
    n_ck = args.checkpoints if args.run == "default" else 0
    ck_steps = sorted({args.steps - i * max(1, args.steps // (2 * n_ck)) for i in range(n_ck)} if n_ck else set())
    ck_root = os.path.join(os.path.dirname(out), "tiny-gpt-checkpoints")
    if n_ck and os.path.isdir(ck_root):
        shutil.rmtree(ck_root)

    def config(step, model, loss, accs, five):
        return dict(model.cfg, name=name, eos_token_id=tok.eos_id, parameters=n_params(model), seed=seed,
                    data_seed=S.DATA_SEED, data_mix=mix, batch_size=args.batch, lr=args.lr, training_steps=step,
                    final_loss=round(loss, 4), letter_token_ids={k: tok.encode(k)[0] for k in
                                                                 ["A", "B", "C", "D", " A", " B", " C", " D"]},
                    suite_accuracy_zero_shot=accs, suite_accuracy_five_shot=five, torch=torch.__version__)

    def all_accs(model):
        r = {}
        for fname, fmt in S.FORMATS.items():
            acc, per = suite_accuracy(model, tok, suite, fmt)
            r[fname] = dict(micro=round(acc, 4), per_subject={k: round(v, 4) for k, v in per.items()})
        five = {f: round(suite_accuracy(model, tok, suite, fmt, shots=5)[0], 4) for f, fmt in S.FORMATS.items()}
        return r, five

    def on_ckpt(step, model, loss):
        if step == args.steps:
            return  # the final model is written below, with TorchScript
        d = os.path.join(ck_root, f"step-{step:05d}")
        accs, five = all_accs(model)
        print(f"checkpoint {step}: 0-shot {json.dumps({k: v['micro'] for k, v in accs.items()})} 5-shot {json.dumps(five)}")
        write_model_dir(model, tok, d, config(step, model, loss, accs, five), torchscript=False)

    model, loss = train(args, tok, facts, suite, mix, ck_steps, on_ckpt)
    print(f"{n_params(model)} parameters")
    accs, five = all_accs(model)
    print("final: 0-shot", json.dumps({k: v["micro"] for k, v in accs.items()}), "5-shot", json.dumps(five))
    write_model_dir(model, tok, out, config(args.steps, model, loss, accs, five), torchscript=(args.run == "default"))
    if n_ck:  # the last checkpoint is the final model itself (no TorchScript, like the others)
        d = os.path.join(ck_root, f"step-{args.steps:05d}")
        os.makedirs(d)
        for f in ("model.onnx", "tokenizer.json", "config.json"):
            shutil.copy(os.path.join(out, f), d)
    if not args.out:
        write_index()


if __name__ == "__main__":
    main()
