#!/usr/bin/python3
"""Makes the tiny sentence encoder the retrieval tests load as TorchScript and as ONNX.

One model, two exports: model.pt (torch.jit.trace) and model.onnx (torch.onnx.export, opset 14, dynamic batch and
sequence), plus a BERT-style WordPiece tokenizer.json, encoder.json and reference.json (token ids and mean-pooled,
L2-normalised vectors computed here by eager PyTorch, which the Java tests compare both engines against).

The encoder is not trained. Its token embeddings are seeded random directions scaled by each token's IDF over the
bundled retrieval corpora, so mean pooling gives an IDF-weighted random projection of the bag of words: a
lexical-ish retriever, good enough that retrieval through it is visibly better than chance, small enough to
commit (~0.5 MB). One bidirectional attention block (with a small residual weight) sits on top, so the engines
are compared on a real transformer graph: masking, softmax, layer norm, positions and token types.

Deterministic: seed 20261121. Debian's python3-torch 1.13 and nothing else. Run from anywhere:
    /usr/bin/python3 tasks/retrieval/python/make_test_encoder.py
"""
import json, math, os, random, unicodedata

import torch
import torch.nn as nn

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
BUNDLED = os.path.join(ROOT, "tasks/retrieval/src/main/resources/dev/proctor/tasks/retrieval/bundled")
OUT = os.path.join(ROOT, "tasks/retrieval/src/test/resources/tiny-encoder")
SEED = 20261121
DIM, HEADS, MAX_POS = 32, 2, 128
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]  # ids 0..3; [PAD] = 0 as Proctor pads with id 0
MASK = -1e9  # finite, so a padded row never produces NaN
REFERENCE_TEXTS = ["why do you need to knead bread dough", "how long should coffee steep in a french press",
                   "Represent this: 怎么包饺子", "zzyzx unseenword"]


# --- BERT basic tokenization, as the tokenizer.json below declares it (BertNormalizer lowercase, BertPreTokenizer)

def is_punct(ch):
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def is_cjk(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF
            or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text):
    text = "".join(" " + c + " " if is_cjk(c) else c for c in text.lower())
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    out = []
    for word in text.split():
        cur = ""
        for c in word:
            if is_punct(c):
                if cur:
                    out.append(cur)
                out.append(c)
                cur = ""
            else:
                cur += c
        if cur:
            out.append(cur)
    return out


def wordpiece(word, vocab):
    pieces, start = [], 0
    while start < len(word):
        end, piece = len(word), None
        while start < end:
            sub = word[start:end] if start == 0 else "##" + word[start:end]
            if sub in vocab:
                piece = sub
                break
            end -= 1
        if piece is None:
            return ["[UNK]"]
        pieces.append(piece)
        start = end
    return pieces


def encode(text, vocab):
    ids = [vocab["[CLS]"]]
    for w in basic_tokens(text):
        ids += [vocab[p] for p in wordpiece(w, vocab)]
    return ids[:MAX_POS - 1] + [vocab["[SEP]"]]


# --- vocabulary and IDF from the bundled corpora

def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_vocab():
    docs, texts = [], []
    for name in sorted(os.listdir(BUNDLED)):
        d = os.path.join(BUNDLED, name)
        if not os.path.isdir(d):
            continue
        for doc in read_jsonl(os.path.join(d, "corpus.jsonl")):
            docs.append(set(basic_tokens(doc["title"] + " " + doc["text"])))
        texts += [q["text"] for q in read_jsonl(os.path.join(d, "queries.jsonl"))]
    words = set().union(*docs)
    for t in texts:
        words.update(basic_tokens(t))
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [str(i) for i in range(10)]
    pieces = sorted(words | set(letters) | {"##" + c for c in letters})
    vocab = {tok: i for i, tok in enumerate(SPECIALS + pieces)}
    df = {w: sum(1 for d in docs if w in d) for w in words}
    n = len(docs)
    idf = {w: math.log((n + 1) / (df.get(w, 0) + 1)) + 1.0 for w in pieces}  # smoothed, as scikit-learn's
    return vocab, idf


def tokenizer_json(vocab):
    added = [{"id": vocab[s], "content": s, "single_word": False, "lstrip": False, "rstrip": False,
              "normalized": False, "special": True} for s in SPECIALS]
    return {
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {"type": "BertProcessing", "sep": ["[SEP]", vocab["[SEP]"]],
                           "cls": ["[CLS]", vocab["[CLS]"]]},
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


# --- the model

class TinyEncoder(nn.Module):
    """forward(input_ids, attention_mask, token_type_ids) -> last_hidden_state [batch, seq, DIM]."""

    def __init__(self, vocab, idf):
        super().__init__()
        self.tok = nn.Embedding(len(vocab), DIM)
        self.pos = nn.Embedding(MAX_POS, DIM)
        self.typ = nn.Embedding(2, DIM)
        self.ln = nn.LayerNorm(DIM)
        self.qkv, self.proj = nn.Linear(DIM, 3 * DIM), nn.Linear(DIM, DIM)
        self.hd = DIM // HEADS
        self.scale = 1.0 / math.sqrt(self.hd)
        with torch.no_grad():
            top = max(idf.values())
            directions = torch.randn(len(vocab), DIM)
            directions /= directions.norm(dim=1, keepdim=True)
            weight = torch.tensor([0.05 if t in SPECIALS else idf[t] / top for t in vocab]).unsqueeze(1)
            self.tok.weight.copy_(directions * weight)
            self.pos.weight.mul_(0.02)
            self.typ.weight.mul_(0.02)
            self.proj.weight.mul_(0.2)

    def forward(self, input_ids, attention_mask, token_type_ids):
        positions = (attention_mask.cumsum(1) - 1).clamp(min=0)  # right padding: 0..n-1 for real tokens
        x = self.tok(input_ids) + self.pos(positions) + self.typ(token_type_ids)
        b, s, d = x.shape
        q, k, v = self.qkv(self.ln(x)).reshape(b, s, 3, HEADS, self.hd).permute(2, 0, 3, 1, 4).unbind(0)
        allowed = (attention_mask > 0)[:, None, None, :]
        att = torch.where(allowed, (q @ k.transpose(-1, -2)) * self.scale, torch.full_like(q[..., :1], MASK))
        return x + self.proj((att.softmax(-1) @ v).transpose(1, 2).reshape(b, s, d))


def pooled(model, ids):
    t = torch.tensor([ids])
    with torch.no_grad():
        h = model(t, torch.ones_like(t), torch.zeros_like(t))[0]
    v = h.mean(0).double()
    return (v / v.norm()).tolist()


def main():
    torch.manual_seed(SEED)
    random.seed(SEED)
    vocab, idf = build_vocab()
    model = TinyEncoder(vocab, idf).eval()
    os.makedirs(OUT, exist_ok=True)
    ids = torch.tensor([[2, 10, 11, 12, 13, 14, 15, 3], [2, 16, 17, 3, 0, 0, 0, 0]])
    mask = (ids != 0).long()
    args = (ids, mask, torch.zeros_like(ids))
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad():
        torch.jit.trace(model, args).save(os.path.join(OUT, "model.pt"))
        torch.onnx.export(model, args, os.path.join(OUT, "model.onnx"), input_names=names,
                          output_names=["last_hidden_state"], opset_version=14,
                          dynamic_axes={n: {0: "batch", 1: "seq"} for n in names + ["last_hidden_state"]})
    with open(os.path.join(OUT, "tokenizer.json"), "w", encoding="utf-8") as f:
        json.dump(tokenizer_json(vocab), f, ensure_ascii=False)
    with open(os.path.join(OUT, "encoder.json"), "w", encoding="utf-8") as f:
        json.dump({"name": "tiny-idf-encoder", "pooling": "mean", "queryPrefix": "", "passagePrefix": "",
                   "maxLength": MAX_POS, "inputs": names}, f, indent=2)
    reference = [{"text": t, "input_ids": encode(t, vocab), "vector": pooled(model, encode(t, vocab))}
                 for t in REFERENCE_TEXTS]
    with open(os.path.join(OUT, "reference.json"), "w", encoding="utf-8") as f:
        json.dump({"seed": SEED, "torch": torch.__version__, "pooling": "mean", "texts": reference}, f,
                  ensure_ascii=False, indent=1)
    print(f"vocabulary {len(vocab)}, parameters {sum(p.numel() for p in model.parameters())}, written to {OUT}")


if __name__ == "__main__":
    main()
