#!/usr/bin/python3
"""Makes Proctor's embedded tiny GPT, its tokenizer and the bundled synthetic multiple-choice suite.

Everything is deterministic given the seeds: the suite depends only on DATA_SEED, a model on --seed.
Plain PyTorch 1.13 (Debian python3-torch); no transformers/tokenizers. See ../README.md for commands.
"""
import argparse, hashlib, json, os, random, shutil, sys, tempfile, time

# Debian's torch calls the system BLAS, which defaults to the slow reference one; libopenblas0-serial is ~8x
# faster and single-threaded. Use it for this process only (the committed models were made with it).
_OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-serial"
if os.path.exists(_OPENBLAS + "/libblas.so.3") and _OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
    os.environ["LD_LIBRARY_PATH"] = _OPENBLAS + ":" + os.environ.get("LD_LIBRARY_PATH", "")
    os.execv(sys.executable, [sys.executable] + sys.argv)
import numpy as np
import onnx
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


# ---------------------------------------------------------------- KV cache (past key values)

class Cached(nn.Module):
    """TinyGPT with a KV cache, in Hugging Face Optimum's layout: forward(input_ids [b,s], attention_mask [b,P+s],
    position_ids [b,s], past_key_values.0.key, .0.value, ..., .L.key, .L.value) -> (logits [b,s,V], present.0.key,
    ..., present.L.value), each present = concat(past, new) on axis 2 (the sequence axis of every entry).

    Entries i < L are layer i's attention keys and values [b, heads, P, head_dim]. TinyGPT reads more of the past
    than those: the token shift mixes in ln1 of the 2 previous positions in every layer, and the pointer head keys
    on earlier tokens' embeddings and reads their `before` (embeddings 2 and 3 back). Entry L holds them: key =
    stack(token embedding, ln1 output of layers 0..L-1) [b, L+1, P, d], value = `before` [b, 1, P, d].

    The computation is TinyGPT.hidden and Block.forward step for step (those stay as they are, so the plain exports
    keep their bytes), the new positions querying past + new. As there, the causal mask and the pointer's recency
    count positions in the padded layout, here of [past | new]: a row's real tokens must be contiguous in it, so its
    past is left-padded and its new tokens right-padded, with attention_mask 0 on padding and position_ids the real
    positions. Padding is masked, and MASK being finite, never makes a real row's outputs NaN (padding entries of
    the past must be finite). P = 0 (zero-length past tensors) is the plain model."""

    def __init__(self, m):
        super().__init__()
        self.m = m

    def forward(self, input_ids, attention_mask, position_ids, *past):
        m, L = self.m, len(self.m.blocks)
        b, s = input_ids.shape
        idx = torch.cumsum(torch.ones_like(attention_mask[:1]), 1)  # 1..P+s over past and new
        new_idx = idx[:, idx.shape[1] - s:]                          # P+1..P+s: the queries
        allowed = (new_idx[:, None, :, None] >= idx[:, None, None, :]) & (attention_mask[:, None, None, :] > 0)
        x = m.tok(input_ids) + m.pos(position_ids)
        prev1 = (position_ids >= 1).to(x.dtype)[..., None]
        prev2 = (position_ids >= 2).to(x.dtype)[..., None]
        prev3 = (position_ids >= 3).to(x.dtype)[..., None]
        past_states, past_before = past[2 * L], past[2 * L + 1]
        zero = x[:, :1] * 0.0  # one position of zeros (s >= 1); 2 or 3 of them keep the slices below in range
        present, lns = [], []
        for i, blk in enumerate(m.blocks):
            h = blk.ln1(x)
            lns.append(h)
            hz = torch.cat([zero, zero, past_states[:, 1 + i], h], 1)  # [2 zeros | past ln1 | new ln1]
            n = hz.shape[1]
            h = (h + blk.shift[0] * prev1 * hz[:, n - s - 1:n - 1]     # 1 back
                 + blk.shift[1] * prev2 * hz[:, n - s - 2:n - 2])      # 2 back
            q, k, v = blk.qkv(h).reshape(b, s, 3, blk.heads, blk.hd).permute(2, 0, 3, 1, 4).unbind(0)
            k, v = torch.cat([past[2 * i], k], 2), torch.cat([past[2 * i + 1], v], 2)
            att = torch.where(allowed, (q @ k.transpose(-1, -2)) * blk.scale, torch.full_like(q[..., :1], MASK))
            x = x + blk.proj((att.softmax(-1) @ v).transpose(1, 2).reshape(b, s, -1))
            f = blk.fc1(blk.ln2(x))
            f = 0.5 * f * (1.0 + torch.tanh(0.7978845608 * (f + 0.044715 * f * f * f)))
            x = x + blk.fc2(f)
            present += [k, v]
        h = m.ln(x)
        e = m.tok(input_ids)
        e_all = torch.cat([past_states[:, 0], e], 1)
        ez = torch.cat([zero, zero, zero, e_all], 1)  # [3 zeros | past embeddings | new embeddings]
        n = ez.shape[1]
        before = prev2 * ez[:, n - s - 2:n - 2] + prev3 * ez[:, n - s - 3:n - 3]
        before_all = torch.cat([past_before[:, 0], before], 1)
        q = m.ptr_q(h)
        dist = (new_idx[:, :, None] - idx[:, None, :]).to(h.dtype)
        score = (q @ e_all.transpose(1, 2) - m.ptr_recency * dist)[:, None]
        att = torch.where(allowed, score, torch.full_like(h[:, None, :, :1], MASK))
        out = h + m.ptr_o((att.softmax(-1) @ before_all[:, None])[:, 0])
        present += [torch.cat([past_states, torch.stack([e] + lns, 1)], 2), before_all[:, None]]
        return (out @ m.tok.weight.t(), *present)


def past_names(layers):
    """Input and output names, in order: Optimum's, with one entry more than layers (Cached's entry L)."""
    ins, outs = ["input_ids", "attention_mask", "position_ids"], ["logits"]
    for i in range(layers + 1):
        ins += [f"past_key_values.{i}.key", f"past_key_values.{i}.value"]
        outs += [f"present.{i}.key", f"present.{i}.value"]
    return ins, outs


def empty_past(model, b, P=0):
    """Past tensors of P positions (zeros) in past_names' order; P = 0 is a first call's."""
    L, blk, d = len(model.blocks), model.blocks[0], model.cfg["d_model"]
    return ([torch.zeros(b, blk.heads, P, blk.hd) for _ in range(2 * L)]
            + [torch.zeros(b, L + 1, P, d), torch.zeros(b, 1, P, d)])


def past_config(cfg, model):
    """config.json fields of a KV-cache export: its signature and the cache's layout."""
    L, H, hd, d = len(model.blocks), model.blocks[0].heads, model.blocks[0].hd, model.cfg["d_model"]
    sig = "forward(input_ids, attention_mask, position_ids) -> logits"
    assert sig in cfg["architecture"]
    return dict(cfg, architecture=cfg["architecture"].replace(sig, "forward(input_ids, attention_mask, position_ids, "
                                                                   "past_key_values.*) -> logits, present.* (KV cache)"),
                kv_cache=True, kv_cache_layout={
                    "entries": L + 1,
                    "attention_mask": "[batch, past_seq + seq]: past and new positions",
                    "position_ids": "[batch, seq]: the new tokens' real positions",
                    f"past_key_values.{{i}}.key/value, i < {L}": f"layer i's attention keys/values [batch, {H}, past_seq, {hd}]",
                    f"past_key_values.{L}.key": f"[batch, {L + 1}, past_seq, {d}]: token embedding, then the ln1 output "
                                                f"of layers 0..{L - 1} (pointer keys, token shift)",
                    f"past_key_values.{L}.value": f"[batch, 1, past_seq, {d}]: pointer values (embeddings 2 and 3 back)",
                    "present.{i}.key/value": "concat(past, new) on axis 2: [batch, ., past_seq + seq, .]",
                    "padding": "past left-padded, new tokens right-padded (attention_mask 0), real tokens contiguous; "
                               "past_seq = 0 on a first call"})


def export_past(model, out):
    """model.onnx of Cached(model), traced with a non-empty past (P = 3) so that its concats stay in the graph."""
    os.makedirs(out, exist_ok=True)
    model.eval()
    g = torch.Generator().manual_seed(0)
    b, s, P = 2, 5, 3
    ins, outs = past_names(len(model.blocks))
    args = (torch.randint(0, model.cfg["vocab_size"], (b, s), generator=g), torch.ones(b, P + s, dtype=torch.long),
            (torch.arange(s) + P)[None].expand(b, -1).contiguous(),
            *[torch.randn(t.shape, generator=g) for t in empty_past(model, b, P)])
    axes = {"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "total_seq"},
            "position_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    axes.update({n: {0: "batch", 2: "past_seq"} for n in ins[3:]})
    axes.update({n: {0: "batch", 2: "total_seq"} for n in outs[1:]})
    torch.onnx.export(Cached(model).eval(), args, os.path.join(out, "model.onnx"), input_names=ins, output_names=outs,
                      dynamic_axes=axes, opset_version=14, do_constant_folding=False)


@torch.no_grad()
def verify_past(model, out, tol=1e-4):
    """The cache changes nothing, through eager Cached and through model.onnx (onnx_check), max |difference| < tol:
    (1) P = 0 == the plain model (right-padded rows; s = 1 and 2 too); (2) a prefix, then the rest in steps of 1 to
    18 tokens == one full run; (3) a batch whose first call is left-padded (as the harness pads), its pasts of
    different lengths (one empty) with garbage in their padding, then right-padded new tokens == each row alone,
    logits and the real positions of every present; no output anywhere is NaN."""
    model.eval()
    cached = Cached(model).eval()
    graph = onnx.load(os.path.join(out, "model.onnx"))
    L, V, ctx = len(model.blocks), model.cfg["vocab_size"], model.cfg["max_position_embeddings"]
    ins, _ = past_names(L)
    worst = {}

    def note(key, got, want):
        worst[key] = max(worst.get(key, 0.0), float((got - want).abs().max()) if want.numel() else 0.0)

    def onnx_run(*feeds):
        return [torch.from_numpy(a) for a in onnx_check.run_all(graph, dict(zip(ins, [t.numpy() for t in feeds])))]

    for how, run in (("torch", lambda *f: list(cached(*f))), ("onnx", onnx_run)):
        g = torch.Generator().manual_seed(1)  # the same inputs for both
        # (1) P = 0 against the plain model; present = the new positions alone
        for b, s in [(3, 21), (1, 1), (2, 2), (4, 37)]:
            ids = torch.randint(0, V, (b, s), generator=g)
            lens = torch.randint(1, s + 1, (b,), generator=g)
            am = (torch.arange(s)[None] < lens[:, None]).long()
            pos = torch.arange(s)[None].expand(b, -1).contiguous()
            got = run(ids, am, pos, *empty_past(model, b))
            note(f"{how}: P=0 vs plain", got[0], model(ids, am, pos))
            assert [tuple(t.shape) for t in got[1:]] == [tuple(t.shape) for t in empty_past(model, b, s)]
        # (2) prefix, then steps (P = 0..39, s = 1..18) against one full run
        n = 40
        ids = torch.randint(0, V, (1, n), generator=g)
        am, pos = torch.ones_like(ids), torch.arange(n)[None]
        full, at, past, parts = model(ids, am, pos), 0, empty_past(model, 1), []
        for step in (1, 1, 1, 2, 3, 5, 1, 8, 18):
            got = run(ids[:, at:at + step], am[:, :at + step], pos[:, at:at + step], *past)
            parts, past, at = parts + [got[0]], got[1:], at + step
        assert at == n
        note(f"{how}: prefix+steps vs full", torch.cat(parts, 1), full)
        # (3) rows of prefix + new tokens: a left-padded first call, then right-padded new tokens
        pre, new = [7, 0, 3, 12], [5, 9, 1, 3]
        b, P, s = len(pre), max(pre), max(new)
        rows = [torch.randint(0, V, (p + k,), generator=g) for p, k in zip(pre, new)]
        ids0 = torch.randint(0, V, (b, P), generator=g)      # padding ids: anything
        am0, pos0 = torch.zeros(b, P, dtype=torch.long), torch.zeros(b, P, dtype=torch.long)
        ids1 = torch.randint(0, V, (b, s), generator=g)
        am1, pos1 = torch.zeros(b, s, dtype=torch.long), torch.randint(0, ctx, (b, s), generator=g)
        for r, (p, k) in enumerate(zip(pre, new)):
            ids0[r, P - p:], am0[r, P - p:], pos0[r, P - p:] = rows[r][:p], 1, torch.arange(p)
            ids1[r, :k], am1[r, :k], pos1[r, :k] = rows[r][p:], 1, torch.arange(p, p + k)
        first = run(ids0, am0, pos0, *empty_past(model, b))
        past = [t.clone() for t in first[1:]]
        for t in past:  # garbage (finite) in the past's padding must not matter
            for r, p in enumerate(pre):
                t[r, :, :P - p] = torch.randn(t[r, :, :P - p].shape, generator=g) * 5
        got = run(ids1, torch.cat([am0, am1], 1), pos1, *past)
        assert all(bool(torch.isfinite(t).all()) for t in first + got), "NaN or inf in an output"
        for r, (p, k) in enumerate(zip(pre, new)):
            x = rows[r][None]
            alone = run(x, torch.ones_like(x), torch.arange(p + k)[None], *empty_past(model, 1))
            plain = model(x, torch.ones_like(x), torch.arange(p + k)[None])
            note(f"{how}: left-padded first call vs row alone", first[0][r, P - p:], plain[0, :p])
            note(f"{how}: padded batch vs row alone", got[0][r, :k], plain[0, p:])
            for t, want in zip(got[1:], alone[1:]):
                note(f"{how}: padded batch present vs row alone", t[r, :, P - p:P + k], want[0])
    for key, d in worst.items():
        print(f"  verified {out.split('/')[-1]} {key}: max |diff| {d:.2e}")
        assert d < tol, f"{key}: {d} >= {tol}"
    return worst


@torch.no_grad()
def verify(model, out, torchscript=True, past=False):
    """Exported graphs == eager at shapes other than the traced (2,8); right padding does not leak. past: a
    KV-cache export (export_past), fed an empty past here, then checked by verify_past."""
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
        feeds = {"input_ids": ids.numpy(), "attention_mask": am.numpy(), "position_ids": pos.numpy()}
        if past:
            feeds.update(zip(past_names(len(model.blocks))[0][3:], [t.numpy() for t in empty_past(model, b)]))
        got = onnx_check.run(os.path.join(out, "model.onnx"), feeds)
        d_onnx = float(np.abs(got - ref.numpy()).max())
        assert d_onnx < tol, f"onnx differs by {d_onnx}"
        d_ts = 0.0
        if torchscript:
            ts = torch.jit.load(os.path.join(out, "model.pt"))
            d_ts = float((ts(ids, am, pos) - ref).abs().max())
            assert d_ts < tol, f"torchscript differs by {d_ts}"
        print(f"  verified {out.split('/')[-1]} at ({b},{s}): max |onnx-eager| {d_onnx:.2e}, |ts-eager| {d_ts:.2e}")
    if past:
        verify_past(model, out)


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write_model_dir(model, tok, out, cfg, torchscript, check=True, past=False):
    if os.path.isdir(out):
        shutil.rmtree(out)
    if past:
        export_past(model, out)  # no TorchScript: its signature would differ from model.pt's
    else:
        export(model, out, torchscript)
    tok.save(os.path.join(out, "tokenizer.json"))
    if check:
        verify(model, out, torchscript, past)
    with open(os.path.join(out, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2, ensure_ascii=False)
        f.write("\n")


def write_index():
    """Jars cannot list a classpath directory, so EmbeddedModels reads this index (checkpoints in training order)."""
    names = ["tiny-gpt", "tiny-gpt-seed2", "tiny-gpt-mix", "tiny-gpt-past"]
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


def write_past_of_default(tok, out=None):
    """tiny-gpt-past: the committed tiny-gpt's weights, read back from its model.pt, exported with a KV cache."""
    src = os.path.join(RES, "tiny-gpt")
    with open(os.path.join(src, "config.json")) as f:
        base = json.load(f)
    m = TinyGPT(base["vocab_size"], d=base["d_model"], layers=base["n_layers"], heads=base["n_heads"],
                ctx=base["max_position_embeddings"], mlp=base["mlp_ratio"])
    m.load_state_dict(torch.jit.load(os.path.join(src, "model.pt")).state_dict(), strict=True)
    m.eval()
    with tempfile.TemporaryDirectory() as tmp:  # the same weights: the plain export reproduces tiny-gpt's bytes
        export(m, tmp, torchscript=False)
        assert sha256(os.path.join(tmp, "model.onnx")) == sha256(os.path.join(src, "model.onnx")), "weights differ"
    out = out or os.path.join(RES, "tiny-gpt-past")
    cfg = past_config(dict(base, name="tiny-gpt-past", same_weights_as="tiny-gpt",
                           weights_from={"file": "tiny-gpt/model.pt", "sha256": sha256(os.path.join(src, "model.pt"))}), m)
    write_model_dir(m, tok, out, cfg, torchscript=False, past=True)
    assert sha256(os.path.join(out, "tokenizer.json")) == sha256(os.path.join(src, "tokenizer.json"))
    print("wrote", out)
    if out == os.path.join(RES, "tiny-gpt-past"):
        write_index()


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
    ap.add_argument("--with-past", action="store_true",
                    help="export with a KV cache: tiny-gpt's weights (from its model.pt, not retrained) to tiny-gpt-past; "
                         "with --random-large, that model")
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
        name = "random-large-past" if args.with_past else "random-large"
        out = args.out or name
        cfg = dict(m.cfg, name=name, trained=False, seed=args.seed or 0, eos_token_id=tok.eos_id, parameters=n_params(m))
        if args.with_past:
            cfg = past_config(cfg, m)
        write_model_dir(m, tok, out, cfg, torchscript=not args.with_past, check=True, past=args.with_past)
        print("wrote", out, n_params(m), "parameters")
        return
    if args.with_past:
        write_past_of_default(tok, args.out)
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
