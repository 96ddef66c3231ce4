"""A GPT-2 style byte-level BPE tokenizer, written out as a HuggingFace tokenizer.json by hand.

Vocabulary: the 256 byte characters of GPT-2's bytes_to_unicode (id = byte value, so "A" is 65), then
"Ġ"+letter merges (so " A".." D" are single tokens, as lm-eval's continuations need), then merges that make
each CJK character of the synthetic suite one token (the rest of Chinese stays UTF-8 bytes: never unknown),
then <|endoftext|>. The Python encoder below mirrors what HF's ByteLevel(use_regex) + BPE does.
"""
import json
import unicodedata


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs, n = bs[:], 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return dict(zip(bs, map(chr, cs)))


B2U = bytes_to_unicode()
CONTRACTIONS = ("'s", "'t", "'re", "'ve", "'m", "'ll", "'d")


def _cls(c):
    if c.isspace():
        return "s"
    cat = unicodedata.category(c)
    return "L" if cat[0] == "L" else "N" if cat[0] == "N" else "P"


def pretokenize(text):
    """GPT-2's regex  's|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+  by hand
    (Debian's python has no `regex` module for \\p{..})."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = next((c for c in CONTRACTIONS if text.startswith(c, i)), None)
        if c:
            out.append(c)
            i += len(c)
            continue
        j = i + 1 if text[i] == " " and i + 1 < n and _cls(text[i + 1]) != "s" else i
        k = _cls(text[j])
        if k != "s":
            e = j + 1
            while e < n and _cls(text[e]) == k:
                e += 1
            out.append(text[i:e])
            i = e
            continue
        e = i
        while e < n and _cls(text[e]) == "s":
            e += 1
        if e < n and e - i > 1:  # \s+(?!\S): leave the last blank to prefix the next word
            e -= 1
        out.append(text[i:e])
        i = e
    return out


class Tokenizer:
    def __init__(self, corpus_text, single_tokens=(), n_learned=120):
        self.vocab = {B2U[b]: b for b in range(256)}
        self.merges = []

        def add(a, b):
            if a + b not in self.vocab:
                self.merges.append((a, b))
                self.vocab[a + b] = len(self.vocab)

        for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz":
            add("Ġ", ch)
        cjk = sorted({c for c in corpus_text if len(c.encode("utf-8")) == 3})
        seqs = ["".join(B2U[b] for b in c.encode("utf-8")) for c in cjk]
        for s in seqs:  # first byte pairs, then whole characters: BPE applies merges by rank
            add(s[0], s[1])
        for s in seqs:
            add(s[:2], s[2])
        # every attribute value one token (merged left to right; ranks below the learned merges, so they win)
        for v in single_tokens:
            parts = list(self._bpe_plain(v))
            while len(parts) > 1:
                add(parts[0], parts[1])
                parts[:2] = [parts[0] + parts[1]]
        # then merges learned from the suite's own English text (plain BPE training): prompts get ~3x shorter,
        # which is most of the training cost on a shared CPU
        words = {}
        for w in pretokenize(corpus_text):
            u = "".join(B2U[b] for b in w.encode("utf-8"))
            if all(ord(c) < 0x100 for c in w) and len(u) > 1:
                words[u] = words.get(u, 0) + 1
        words = {tuple(self._apply(w)): n for w, n in words.items()}
        for _ in range(n_learned):
            pairs = {}
            for w, n in words.items():
                for p in zip(w, w[1:]):
                    pairs[p] = pairs.get(p, 0) + n
            if not pairs:
                break
            best = max(pairs, key=lambda p: (pairs[p], p))
            if pairs[best] < 2:
                break
            add(*best)
            words = {self._merge_word(w, best): n for w, n in words.items()}
        self.eos = "<|endoftext|>"
        self.eos_id = len(self.vocab)
        self.vocab_size = self.eos_id + 1
        self.rank = {m: i for i, m in enumerate(self.merges)}
        self.inv = {v: k for k, v in self.vocab.items()}
        self.inv[self.eos_id] = self.eos
        self.cache = {}

    @staticmethod
    def _merge_word(w, pair):
        out, i = [], 0
        while i < len(w):
            if i + 1 < len(w) and (w[i], w[i + 1]) == pair:
                out.append(w[i] + w[i + 1])
                i += 2
            else:
                out.append(w[i])
                i += 1
        return tuple(out)

    def _bpe_plain(self, text):  # a string's byte characters after the merges so far
        return self._apply("".join(B2U[b] for b in text.encode("utf-8")))

    def _apply(self, word):  # the merges so far, in order (used while learning more)
        w = tuple(word)
        for m in self.merges:
            w = self._merge_word(w, m)
        return w

    def _bpe(self, word):
        if word in self.cache:
            return self.cache[word]
        parts = list(word)
        while len(parts) > 1:
            pairs = [(self.rank.get((a, b), 1 << 30), i) for i, (a, b) in enumerate(zip(parts, parts[1:]))]
            r, i = min(pairs)
            if r == 1 << 30:
                break
            parts[i:i + 2] = [parts[i] + parts[i + 1]]
        ids = [self.vocab[p] for p in parts]
        self.cache[word] = ids
        return ids

    def encode(self, text):
        ids = []
        for k, piece in enumerate(text.split(self.eos)):  # special tokens are split out before pre-tokenizing
            if k:
                ids.append(self.eos_id)
            for w in pretokenize(piece):
                ids += self._bpe("".join(B2U[b] for b in w.encode("utf-8")))
        return ids

    def decode(self, ids):
        u2b = {v: k for k, v in B2U.items()}
        out, buf = [], []
        for i in ids:
            if i == self.eos_id:
                out.append(bytes(buf).decode("utf-8", "replace") + self.eos)
                buf = []
            else:
                buf += [u2b[c] for c in self.inv[i]]
        return "".join(out) + bytes(buf).decode("utf-8", "replace")

    def to_json(self):
        bl = {"add_prefix_space": False, "trim_offsets": True, "use_regex": True}
        return {
            "version": "1.0", "truncation": None, "padding": None,
            "added_tokens": [{"id": self.eos_id, "content": self.eos, "single_word": False, "lstrip": False,
                              "rstrip": False, "normalized": False, "special": True}],
            "normalizer": None,
            "pre_tokenizer": dict(type="ByteLevel", **bl),
            "post_processor": None,
            "decoder": dict(type="ByteLevel", **bl),
            "model": {"type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": None,
                      "end_of_word_suffix": None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
                      "vocab": self.vocab, "merges": [a + " " + b for a, b in self.merges]},
        }

    @classmethod
    def load(cls, path):
        """A tokenizer.json this class wrote, read back (vocabulary, merges in rank order, end-of-text)."""
        with open(path, encoding="utf-8") as f:
            j = json.load(f)
        tok = cls.__new__(cls)
        tok.vocab = dict(j["model"]["vocab"])
        tok.merges = [tuple(m.split(" ")) for m in j["model"]["merges"]]
        tok.eos = j["added_tokens"][0]["content"]
        tok.eos_id = j["added_tokens"][0]["id"]
        tok.vocab_size = tok.eos_id + 1
        tok.rank = {m: i for i, m in enumerate(tok.merges)}
        tok.inv = {v: k for k, v in tok.vocab.items()}
        tok.inv[tok.eos_id] = tok.eos
        tok.cache = {}
        return tok

    def save(self, path):
        with open(path, "w", encoding="utf-8") as f:
            json.dump(self.to_json(), f, ensure_ascii=False, indent=1)
            f.write("\n")

    def self_test(self):
        t = self.encode
        assert [t(" " + L) for L in "ABCD"] == [[self.vocab["Ġ" + L]] for L in "ABCD"], "' A'..' D' must be single tokens"
        assert [t(L) for L in "ABCD"] == [[65], [66], [67], [68]]
        assert t("Answer: B")[-2:] == [58, self.vocab["ĠB"]] and t("\nA. x")[:3] == [10, 65, 46]
        assert t("答案：A")[-1] == 65 and t("答案： A")[-1] == self.vocab["ĠA"]
        assert pretokenize("a  b\n\nC. x's 12.5 ") == ["a", " ", " b", "\n", "\n", "C", ".", " x", "'s", " 12", ".", "5", " "]
        for s in ["The capital of Zorbia is Quenta.", "以下是关于农学的单项选择题，请直接给出正确答案的选项。\n\n题目：土地\n答案是：",
                  "龘 emoji 🙂 tabs\t\tend  ", "x<|endoftext|>y"]:
            assert self.decode(t(s)) == s, s
        assert t("x<|endoftext|>y") == [120, self.eos_id, 121]
        assert len(t("龘")) == 3  # an unseen CJK character: its 3 UTF-8 bytes, not an unknown token
