#!/usr/bin/python3
"""Makes Proctor's bundled machine-generated-text (MGT) detection suite, in the SemEval-2024 Task 8 layout.

Why: a small suite that ships with the project, so that the MGT tasks (subtask A: human or machine; B: which
generator; C: where a human text turns into machine text) run and can be tested with no download. Human texts
come from freely licensed Debian packages, machine texts from the project's own embedded causal LMs:

  human, English   the King James Version (public domain), Debian `bible-kjv-text` read with `bible-kjv`'s
                   `bible` program: 30-70 word passages of consecutive verses of one chapter
  human, Chinese   Tang and Song poems from Debian `fortunes-zh` (files tang300, song100): one poem or a run of
                   its lines, 30-90 characters
  machine          harness/embedded-model's tiny GPTs (149K parameters, trained on synthetic fact text), sampled
                   (temperature, top-k; seeded) after a short prompt: the first 2-4 words of another human
                   passage of the same split (English A, B), a line break (Chinese: classical characters are
                   bytes to this tokenizer and derail the models) or a human passage's first k words (C). Only
                   the generated part is kept, cut to the human length distribution (at a sentence end when one
                   falls in range, else at a word/character boundary). Sampling is restricted to the text's
                   script (printable ASCII for English; whole CJK tokens for Chinese), because these models
                   otherwise mix both languages and control bytes into everything they write.

Files (JSON Lines; every row has id, text, label, model, source), under
tasks/mgt/src/main/resources/dev/proctor/tasks/mgt/bundled/:
  en/subtaskA_{train,dev,test}_monolingual.jsonl   label 0 human, 1 machine
  zh/subtaskA_{train,dev,test}_multilingual.jsonl  the same in Chinese
  en/subtaskB_{train,dev,test}.jsonl               label 0 human, 1..5 = GENERATORS in order
  en/subtaskC_{train,dev,test}.jsonl               label = index of the first machine word (text split on " ")
plus README.md and LICENSE-<package>.txt (the packages' copyright files).

Deterministic given --seed (same machine and BLAS). Debian's python3 with python3-torch 1.13, numpy, onnx 1.12.
See README.md beside this file.
"""
import argparse, gzip, json, os, random, re, subprocess, sys, time, uuid, zlib

# Debian's torch calls the system BLAS, which defaults to the slow reference one; libopenblas0-serial is much
# faster. Use it for this process only (as harness/embedded-model/python/make_model.py does).
_OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-serial"
if os.path.exists(_OPENBLAS + "/libblas.so.3") and _OPENBLAS not in os.environ.get("LD_LIBRARY_PATH", ""):
    os.environ["LD_LIBRARY_PATH"] = _OPENBLAS + ":" + os.environ.get("LD_LIBRARY_PATH", "")
    os.execv(sys.executable, [sys.executable] + sys.argv)
import numpy as np
import onnx
import torch
from onnx import numpy_helper

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
EMB_PY = os.path.join(ROOT, "harness/embedded-model/python")
RES = os.path.join(ROOT, "harness/embedded-model/src/main/resources/dev/proctor/embedded")
OUT = os.path.join(ROOT, "tasks/mgt/src/main/resources/dev/proctor/tasks/mgt/bundled")
sys.path.insert(0, EMB_PY)
import make_model as M      # TinyGPT, the embedded models' architecture
import onnx_check           # numpy ONNX interpreter: checks the weights loaded here against the shipped graphs
import tokenizer as T       # the embedded tokenizer (byte-level BPE)

GENERATORS = ["tiny-gpt", "tiny-gpt-seed2", "tiny-gpt-mix",
              "tiny-gpt-checkpoints/step-01200", "tiny-gpt-checkpoints/step-01600"]  # subtask B labels 1..5
PACKAGES = ["bible-kjv-text", "bible-kjv", "fortunes-zh"]
SPLITS = ["train", "dev", "test"]
SIZES = {"A-en": (300, 100, 200), "A-zh": (200, 100, 200), "B": (300, 120, 180), "C": (100, 50, 100)}
EN_WORDS, ZH_CHARS = (30, 70), (30, 90)  # human passage length ranges
MAX_TOKENS = 300                         # every text, as the embedded tokenizer counts it (context 512)
DIRS = {"en": "en", "zh": "zh"}          # the bundled folder's subfolder per language
ZH_OPENER = "\n"                         # the Chinese machine texts' prompt (see draw_prompt)
SENTENCE_END = tuple(".?!。？！")
ZH_PUNCT = "，。？！；：、"


# ---------------------------------------------------------------- human texts

def package_root(pkg_root, download):
    """The folder holding usr/ of the three packages: / when installed, or a `dpkg -x` folder."""
    if download:
        os.makedirs(download, exist_ok=True)
        subprocess.run(["apt-get", "download"] + PACKAGES, cwd=download, check=True)
        for deb in sorted(f for f in os.listdir(download) if f.endswith(".deb")):
            subprocess.run(["dpkg", "-x", os.path.join(download, deb), os.path.join(download, "root")], check=True)
        pkg_root = os.path.join(download, "root")
    need = ["usr/bin/bible", "usr/lib/bible.data", "usr/share/games/fortunes/tang300"]
    missing = [p for p in need if not os.path.exists(os.path.join(pkg_root, p))]
    if missing:
        sys.exit(f"missing under {pkg_root}: {missing}; run `apt-get install {' '.join(PACKAGES)}`, "
                 "or pass --download DIR (apt-get download + dpkg -x)")
    return pkg_root


def package_version(root, pkg):
    """From the first line of the package's Debian changelog, e.g. 'bible-kjv (4.38) unstable; ...'."""
    doc = os.path.join(root, "usr/share/doc", pkg)
    name = next(f for f in ("changelog.Debian.gz", "changelog.gz") if os.path.exists(os.path.join(doc, f)))
    with gzip.open(os.path.join(doc, name), "rt", encoding="utf-8") as f:
        return re.match(r"\S+ \(([^)]+)\)", f.readline()).group(1)


def kjv_verses(root):
    """[(book, chapter, text)] for all 31,102 verses: `bible -f` prints 'Ge1:1 In the beginning ...' per line."""
    out = subprocess.run([os.path.join(root, "usr/bin/bible"), "-f", "-p", os.path.join(root, "usr/lib"),
                          "gen1:1-rev22:21"], capture_output=True, text=True, check=True).stdout
    verses = []
    for line in out.splitlines():
        m = re.match(r"(\d?[A-Za-z]+)(\d+):(\d+) (.*)", line)
        if m:
            verses.append((m.group(1), int(m.group(2)), m.group(4)))
    assert len(verses) == 31102, len(verses)
    return verses


def chunk(units, size, lo, hi, rng, joiner):
    """Consecutive units (verses, poem lines) joined into passages of lo..hi size: all of them when they fit,
    else runs that each aim at a random target (a run that would overshoot hi is dropped and restarted; the
    last run is kept if long enough), so passages never overlap."""
    if lo <= sum(map(size, units)) <= hi:
        return [joiner.join(units)]
    out, cur, target = [], [], rng.randint(lo, hi)
    for u in units:
        if size(u) > hi:
            cur = []
            continue
        if sum(map(size, cur)) + size(u) > hi:
            cur, target = [], rng.randint(lo, hi)
        cur.append(u)
        if sum(map(size, cur)) >= target:
            out.append(joiner.join(cur))
            cur, target = [], rng.randint(lo, hi)
    if sum(map(size, cur)) >= lo:
        out.append(joiner.join(cur))
    return out


def english_passages(root, rng):
    verses, by_chapter = kjv_verses(root), {}
    for book, ch, text in verses:
        by_chapter.setdefault((book, ch), []).append(" ".join(text.split()))
    out = []
    for units in by_chapter.values():
        out += chunk(units, lambda v: len(v.split()), *EN_WORDS, rng, " ")
    return out


def poems(path):
    """Poem bodies of a fortune file: records split on '%', ANSI colours, title and author lines dropped; a
    record with 其一/其二 sections gives one body per section. A body is a list of lines."""
    with open(path, encoding="utf-8") as f:
        records = re.sub(r"\x1b\[[0-9;]*m", "", f.read()).split("\n%\n")
    out = []
    for rec in records:
        body = []
        for line in rec.splitlines():
            line = re.sub(r"\s+", "", line)
            if not line or "作者" in line or "《" in line:
                continue
            if not any(p in line for p in ZH_PUNCT):  # a section header such as 其一
                body and out.append(body)
                body = []
                continue
            body.append(line)
        body and out.append(body)
    # lines in Chinese script only (no notes in parentheses, Latin letters or digits)
    return [b for b in out if all(re.fullmatch(r"[\u4e00-\u9fff" + ZH_PUNCT + "“”‘’]+", line) for line in b)]


def chinese_passages(root, rng):
    out = []
    for name in ("tang300", "song100"):
        for body in poems(os.path.join(root, "usr/share/games/fortunes", name)):
            out += chunk(body, len, *ZH_CHARS, rng, "")
    return out


# ---------------------------------------------------------------- models

def load_model(name, tok):
    """TinyGPT with the weights of the shipped ONNX graph (its initializers are named as the state dict),
    checked against that graph (numpy interpreter) and, for tiny-gpt, the TorchScript file."""
    d = os.path.join(RES, name)
    with open(os.path.join(d, "config.json")) as f:
        cfg = json.load(f)
    m = M.TinyGPT(cfg["vocab_size"], d=cfg["d_model"], layers=cfg["n_layers"], heads=cfg["n_heads"],
                  ctx=cfg["max_position_embeddings"], mlp=cfg["mlp_ratio"])
    init = onnx.load(os.path.join(d, "model.onnx")).graph.initializer
    m.load_state_dict({t.name: torch.from_numpy(numpy_helper.to_array(t).copy()) for t in init})
    m.eval()
    ids = torch.tensor([tok.encode("The moon Kubaos orbits Lovoe. 瑞典语")])
    am, pos = torch.ones_like(ids), torch.arange(ids.shape[1])[None]
    with torch.no_grad():
        ref = m(ids, am, pos).numpy()
        got = onnx_check.run(os.path.join(d, "model.onnx"),
                             {"input_ids": ids.numpy(), "attention_mask": am.numpy(), "position_ids": pos.numpy()})
        assert np.abs(got - ref).max() < 1e-4, f"{name}: weights differ from model.onnx"
        if os.path.exists(os.path.join(d, "model.pt")):
            ts = torch.jit.load(os.path.join(d, "model.pt"))(ids, am, pos).numpy()
            assert np.abs(ts - ref).max() < 1e-4, f"{name}: weights differ from model.pt"
    return m


def token_bytes(tok):
    u2b = {v: k for k, v in T.B2U.items()}
    return {i: bytes(u2b[c] for c in s) for i, s in tok.inv.items() if i != tok.eos_id}


def decode(tb, ids):
    return b"".join(tb[i] for i in ids).decode("utf-8", "ignore")  # invalid bytes dropped


def script_masks(tok, tb):
    """Additive logit masks (0 allowed, -inf not) per language; end-of-text is always allowed."""
    def mask(ok):
        m = np.full(tok.vocab_size, -np.inf)
        m[[i for i, b in tb.items() if ok(b)] + [tok.eos_id]] = 0.0
        return m

    def cjk(b):  # whole CJK characters / full-width punctuation only (the suite's merged tokens)
        s = b.decode("utf-8", "replace")
        return len(b) >= 3 and "\ufffd" not in s and all("\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"
                                                         for c in s)
    return {"en": mask(lambda b: all(0x20 <= x < 0x7f or x == 0x0a for x in b)), "zh": mask(cjk)}


def left_pad(seqs):
    """Left padding with positions restarting at 0 per row: a row's logits do not depend on its padding."""
    L = max(map(len, seqs))
    ids = torch.zeros(len(seqs), L, dtype=torch.long)
    am, pos = torch.zeros_like(ids), torch.zeros_like(ids)
    for r, s in enumerate(seqs):
        ids[r, L - len(s):], am[r, L - len(s):] = torch.tensor(s), 1
        pos[r, L - len(s):] = torch.arange(len(s))
    return ids, am, pos


@torch.no_grad()
def sample(model, tok, prompts, seeds, masks, enough, args):
    """Sampled continuations (token ids) of prompts, one numpy generator per row (so a row's text does not
    depend on its batch); a row stops at end-of-text, when enough(i, ids) holds, or after args.max_new tokens.
    No KV cache: each step reruns the (tiny) model over the batch's active rows."""
    gen, ended = [[] for _ in prompts], [False] * len(prompts)
    rngs = [np.random.default_rng(s) for s in seeds]
    active = list(range(len(prompts)))
    for _ in range(args.max_new):
        if not active:
            break
        ids, am, pos = left_pad([prompts[i] + gen[i] for i in active])
        logits = (model.hidden(ids, am, pos)[:, -1] @ model.tok.weight.t()).double().numpy()
        for r, i in enumerate(active):
            lg = logits[r]
            if args.repetition_penalty != 1.0 and gen[i]:  # CTRL's penalty on the tokens generated so far
                seen, pen = np.unique(gen[i]), args.repetition_penalty
                lg[seen] = np.where(lg[seen] > 0, lg[seen] / pen, lg[seen] * pen)
            lg = lg / args.temperature + masks[i]
            top = np.argpartition(-lg, args.top_k)[:args.top_k]
            top = top[np.isfinite(lg[top])]
            p = np.exp(lg[top] - lg[top].max())
            k = np.searchsorted(np.cumsum(p / p.sum()), rngs[i].random(), side="right")  # inverse CDF
            t = int(top[min(k, len(top) - 1)])
            if t == tok.eos_id:
                ended[i] = True
            else:
                gen[i].append(t)
        active = [i for i in active if not ended[i] and not enough(i, gen[i])]
    return gen, ended


# ---------------------------------------------------------------- cutting and checks

def units(text, lang):
    return text.split(" ") if lang == "en" else list(text)


def join(us, lang):
    return " ".join(us) if lang == "en" else "".join(us)


def normalise(text, lang):
    return " ".join(text.split()) if lang == "en" else "".join(text.split())


def cut(text, lang, lo, target, tok):
    """The first `target` words/characters, or fewer ending at a sentence end if one ends at >= lo; then
    shortened (not below lo) to fit MAX_TOKENS. None when the text is too short."""
    us = units(normalise(text, lang), lang)
    if len(us) < lo:
        return None
    n = min(target, len(us))
    ends = [k for k in range(lo, n + 1) if us[k - 1].endswith(SENTENCE_END)]
    n = ends[-1] if ends else n
    while n >= lo and len(tok.encode(join(us[:n], lang))) > MAX_TOKENS:
        n -= 1
    return join(us[:n], lang) if n >= lo and not degenerate(us[:n], lang) else None


def degenerate(us, lang):
    """A sampling loop ('D D D', 'exportstantantan...', '斯斯斯斯'): such texts are sampled again. The
    human texts have none (checked)."""
    if lang == "zh":
        return any(len(set(us[k:k + 4])) == 1 for k in range(len(us) - 3))
    return max(map(len, us)) > 25 or any(len(set(us[k:k + 3])) == 1 for k in range(len(us) - 2))


def seed_of(*parts):
    return [zlib.crc32(str(p).encode()) for p in parts]


# ---------------------------------------------------------------- the plan: human rows and machine requests

def assign_passages(en, zh, rng):
    """Disjoint human passages per (file group, split): no passage is used in two splits or two subtasks."""
    rng.shuffle(en)
    rng.shuffle(zh)
    need = {("A-en", s): n // 2 for s, n in zip(SPLITS, SIZES["A-en"])}
    need.update({("A-zh", s): n // 2 for s, n in zip(SPLITS, SIZES["A-zh"])})
    need.update({("B", s): n // (len(GENERATORS) + 1) for s, n in zip(SPLITS, SIZES["B"])})
    need.update({("C", s): n for s, n in zip(SPLITS, SIZES["C"])})
    pools, out = {"en": iter(en), "zh": iter(zh)}, {}
    for key, n in need.items():
        pool = pools["zh" if key[0] == "A-zh" else "en"]
        out[key] = [next(pool) for _ in range(n)]
    return out


def machine_models(group, split, n):
    """Generator of each of n machine rows: A uses tiny-gpt and tiny-gpt-seed2 in train and dev, and adds
    tiny-gpt-mix in test as a generator the detector has not seen (as SemEval's test sets do)."""
    if group == "B":
        return [g for g in GENERATORS for _ in range(n // len(GENERATORS))]
    gens = GENERATORS[:3] if split == "test" else GENERATORS[:2]
    return [gens[k % len(gens)] for k in range(n)]


def plan(human, args, rng):
    """Per file: its human rows and its machine requests (prompt, length target, generator)."""
    files = []
    for group, lang, name in [("A-en", "en", "subtaskA_{}_monolingual.jsonl"),
                              ("A-zh", "zh", "subtaskA_{}_multilingual.jsonl"),
                              ("B", "en", "subtaskB_{}.jsonl"), ("C", "en", "subtaskC_{}.jsonl")]:
        src = "kjv" if lang == "en" else "fortunes-zh"
        for s, size in zip(SPLITS, SIZES[group]):
            hs = human[(group, s)]
            f = dict(path=DIRS[lang] + "/" + name.format(s), group=group, lang=lang, split=s, rows=[], requests=[])
            if group == "C":
                reqs = [dict(model=GENERATORS[0], lang="en", human=h, key=(group, s, k)) for k, h in enumerate(hs)]
            else:
                f["rows"] = [dict(text=h, label=0, model="human", source=src) for h in hs]
                lo = (EN_WORDS if lang == "en" else ZH_CHARS)[0]
                reqs = [dict(model=g, lang=lang, pool=hs, key=(group, s, k), target=len(units(rng.choice(hs), lang)),
                             lo=lo) for k, g in enumerate(machine_models(group, s, size - len(hs)))]
            for r in reqs:
                draw_prompt(r, rng)
            f["requests"] = reqs
            files.append(f)
    return files


def draw_prompt(r, rng):
    """A, B: the first 2-4 words of a human passage of the same split (English) or ZH_OPENER (Chinese); the
    target length was drawn from the split's human lengths. C: the human passage's first k >= 5 words; the
    machine part gets the length of the rest (at least 10 words), and may end at a sentence end from 60% on."""
    if "human" in r:
        ws = r["human"].split(" ")
        n_h = rng.randint(5, len(ws) - 10)
        r.update(prompt=" ".join(ws[:n_h]), target=len(ws) - n_h, lo=max(5, (len(ws) - n_h) * 3 // 5))
    elif r["lang"] == "en":
        r["prompt"] = join(units(rng.choice(r["pool"]), r["lang"])[:rng.randint(2, 4)], r["lang"])
    else:
        # a generic opener: classical characters are outside the tokenizer's CJK merges (they go in as bytes),
        # and after them the models write unpunctuated strings of attribute values; after a line break they
        # write their (pseudo-)fact sentences, with punctuation
        r["prompt"] = ZH_OPENER


def generate(files, tok, args):
    """Fills each request's "text": per generator, in batches. A row that is too short (early end-of-text),
    degenerate or equal to a text already made is sampled again, with the next seed and a new prompt, up to
    args.retries times."""
    tb, masks = token_bytes(tok), script_masks(tok, token_bytes(tok))
    reqs = [r for f in files for r in f["requests"]]
    seen = {row["text"] for f in files for row in f["rows"]}
    for name in GENERATORS:
        model = load_model(name, tok)
        todo = [r for r in reqs if r["model"] == name]
        for attempt in range(args.retries + 1):
            todo.sort(key=lambda r: len(r["prompt"]))  # similar prompt lengths share a batch: less padding
            for b in range(0, len(todo), args.batch):
                batch = todo[b:b + args.batch]
                prompts = [tok.encode(r["prompt"]) for r in batch]

                def enough(i, ids, batch=batch):  # one unit past the target, so the last one kept is whole
                    lang = batch[i]["lang"]
                    return len(units(normalise(decode(tb, ids), lang), lang)) > batch[i]["target"]
                gen, _ = sample(model, tok, prompts, [seed_of(args.seed, *r["key"], attempt) for r in batch],
                                [masks[r["lang"]] for r in batch], enough, args)
                for r, ids in zip(batch, gen):
                    text = cut(decode(tb, ids), r["lang"], r["lo"], r["target"], tok)
                    full = text and (r["prompt"] + " " + text if "human" in r else text)
                    if full and full not in seen:
                        r["text"] = text
                        seen.add(full)
            todo = [r for r in todo if "text" not in r]
            if not todo:
                break
            for r in todo:  # a new prompt too: some prompts send a model into a loop whatever the seed
                draw_prompt(r, random.Random(str((args.seed, r["key"], attempt))))
        assert not todo, f"{name}: no text after {args.retries} retries for {[r['key'] for r in todo]}"
        print(f"  {name}: {sum(r['model'] == name for r in reqs)} texts", flush=True)


def assemble(files, rng):
    """Rows in a seeded random order; ids ints (A, B) or uuid strings (C)."""
    for f in files:
        rows = list(f["rows"])
        for r in f["requests"]:
            if f["group"] == "C":
                rows.append(dict(text=r["prompt"] + " " + r["text"], label=len(r["prompt"].split(" ")),
                                 model=r["model"], source="kjv+embedded"))
            else:
                label = GENERATORS.index(r["model"]) + 1 if f["group"] == "B" else 1
                rows.append(dict(text=r["text"], label=label, model=r["model"], source="embedded"))
        rng.shuffle(rows)
        for k, row in enumerate(rows):
            ident = str(uuid.UUID(int=rng.getrandbits(128), version=4)) if f["group"] == "C" else k
            f.setdefault("out", []).append(dict(id=ident, **row))


def check(files, tok):
    """Sizes, no text in two splits, unique ids, subtask C labels, token lengths; returns the max length."""
    split_of, longest = {}, 0
    for f in files:
        assert len(f["out"]) == SIZES[f["group"]][SPLITS.index(f["split"])], f["path"]
        assert len({r["id"] for r in f["out"]}) == len(f["out"]), f["path"]
        for r in f["out"]:
            key = (f["group"][0], r["text"])
            assert split_of.setdefault(key, f["split"]) == f["split"], f"text in two splits: {r['text'][:60]}"
            assert r["text"] == normalise(r["text"], f["lang"]) and r["text"]
            if f["group"] == "C":
                assert r["label"] >= 5 and len(r["text"].split(" ")) > r["label"]
            longest = max(longest, len(tok.encode(r["text"])))
    assert longest <= MAX_TOKENS, longest
    return longest


# ---------------------------------------------------------------- output

def write(files, out):
    for d in set(DIRS.values()):  # files of an earlier run that this one does not write
        for name in os.listdir(os.path.join(out, d)) if os.path.isdir(os.path.join(out, d)) else []:
            if name.startswith("subtask") and name.endswith(".jsonl"):
                os.remove(os.path.join(out, d, name))
    for f in files:
        path = os.path.join(out, f["path"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            for r in f["out"]:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")


def write_licences(root, out, versions):
    for pkg in ("bible-kjv-text", "fortunes-zh"):
        with open(os.path.join(root, "usr/share/doc", pkg, "copyright"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, f"LICENSE-{pkg}.txt"), "w", encoding="utf-8") as f:
            f.write(f"The human texts of this suite come from the Debian package {pkg} {versions[pkg]}.\n"
                    f"Its copyright file (/usr/share/doc/{pkg}/copyright) follows, unchanged.\n\n" + text)


def write_readme(files, out, versions, args, longest):
    lines = ["# Bundled MGT detection suite (SemEval-2024 Task 8 layout)", "",
             "Written by `tasks/mgt/python/make_suite.py` (see its README); do not edit by hand.", "",
             "JSON Lines, one object per line: `id`, `text`, `label`, `model`, `source`.", "",
             f"- `{DIRS['en']}/subtaskA_*_monolingual.jsonl`, `{DIRS['zh']}/subtaskA_*_multilingual.jsonl`: "
             "label 0 human, 1 machine, balanced. Machine rows: `tiny-gpt` and `tiny-gpt-seed2` in train and "
             "dev; test adds `tiny-gpt-mix`, a generator unseen in training.",
             f"- `{DIRS['en']}/subtaskB_*.jsonl`: label 0 human, then "
             + ", ".join(f"{k + 1} `{g}`" for k, g in enumerate(GENERATORS)) + "; balanced.",
             f"- `{DIRS['en']}/subtaskC_*.jsonl`: a human passage's first words, then `tiny-gpt`'s continuation "
             "of them; label = the index of the first machine word when the text is split on \" \" (= the number "
             "of human words, at least 5). ids are uuid strings (ints in A and B).", "",
             f"Human texts: English from Debian `bible-kjv-text` {versions['bible-kjv-text']} (King James Version, "
             f"public domain; read with `bible-kjv` {versions['bible-kjv']}'s `bible`), 30-70 word passages of "
             f"consecutive verses (`source` kjv); Chinese from Debian `fortunes-zh` {versions['fortunes-zh']} "
             "(Tang and Song poems, files tang300 and song100), 30-90 characters (`source` fortunes-zh). "
             "The packages' copyright files: `LICENSE-bible-kjv-text.txt`, `LICENSE-fortunes-zh.txt` "
             "(the package is GPL-3.0+; the poems themselves are classical).",
             f"Machine texts: Proctor's embedded models (harness/embedded-model), sampled at temperature "
             f"{args.temperature}, top-k {args.top_k}, restricted to the text's script, after a "
             "prompt that is not part of the text: English, the first 2-4 words of a human passage of the same "
             "split; Chinese, a line break (after classical characters, which the tokenizer knows only as bytes, "
             "the models write unpunctuated strings of attribute values) (`source` embedded). Texts caught in a "
             "sampling loop are sampled again. "
             "They are tiny models trained on synthetic fact text, so they write fact-like pseudo-sentences.",
             "No passage or text is in two splits. Every text is at most "
             f"{MAX_TOKENS} tokens of the embedded tokenizer (longest: {longest}).", "",
             "| file | rows | by label |", "|---|---|---|"]
    for f in files:
        counts = {}
        for r in f["out"]:
            counts[r["label"]] = counts.get(r["label"], 0) + 1
        by = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
        if f["group"] == "C":
            labels = [r["label"] for r in f["out"]]
            by = f"label {min(labels)}-{max(labels)}, mean {sum(labels) / len(labels):.1f}"
        lines.append(f"| `{f['path']}` | {len(f['out'])} | {by} |")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


# ---------------------------------------------------------------- sanity figures

@torch.no_grad()
def mean_loglik(model, tok, texts, batch=32):
    """Mean log-probability of each text's tokens 2..n under the model (the first has no context)."""
    out = []
    for b in range(0, len(texts), batch):
        seqs = [tok.encode(t) for t in texts[b:b + batch]]
        ids, am, pos = left_pad(seqs)
        lp = torch.log_softmax(model(ids, am, pos).double(), -1)
        for r, s in enumerate(seqs):
            n, L = len(s), ids.shape[1]
            tgt = ids[r, L - n + 1:]
            out.append(float(lp[r, L - n:L - 1].gather(-1, tgt[:, None]).mean()))
    return np.array(out)


def auroc(pos, neg):
    """P(score of a positive > score of a negative), ties counted half (Mann-Whitney U / (n_pos n_neg))."""
    d = pos[:, None] - neg[None, :]
    return float(((d > 0).sum() + 0.5 * (d == 0).sum()) / d.size)


def sanity(files, tok):
    model = load_model("tiny-gpt", tok)
    for f in files:
        if f["group"].startswith("A") and f["split"] == "test":
            s = mean_loglik(model, tok, [r["text"] for r in f["out"]])
            lab = np.array([r["label"] for r in f["out"]])
            gens = sorted({r["model"] for r in f["out"] if r["label"] == 1})
            per = {g: auroc(s[[r["model"] == g for r in f["out"]]], s[lab == 0]) for g in gens}
            print(f"  {f['path']}: AUROC of mean token log-likelihood under tiny-gpt "
                  f"{auroc(s[lab == 1], s[lab == 0]):.4f} (human mean {s[lab == 0].mean():.3f}, "
                  f"machine {s[lab == 1].mean():.3f}; by generator "
                  + ", ".join(f"{g} {v:.4f}" for g, v in per.items()) + ")")


@torch.no_grad()
def attribution(files, tok):
    """Subtask B test, machine rows: the generator under which a text has the highest mean log-likelihood."""
    f = next(f for f in files if f["group"] == "B" and f["split"] == "test")
    rows = [r for r in f["out"] if r["label"] > 0]
    s = np.stack([mean_loglik(load_model(g, tok), tok, [r["text"] for r in rows]) for g in GENERATORS], 1)
    gold = np.array([r["label"] - 1 for r in rows])
    print(f"  {f['path']}: machine rows attributed to the generator of highest mean log-likelihood: accuracy "
          f"{(s.argmax(1) == gold).mean():.4f} (chance {1 / len(GENERATORS):.2f}); per generator "
          + ", ".join(f"{g} {(s.argmax(1)[gold == k] == k).mean():.2f}" for k, g in enumerate(GENERATORS)))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pkg-root", default="/", help="folder holding the packages' usr/ (default: installed)")
    ap.add_argument("--download", metavar="DIR", help="apt-get download + dpkg -x the packages into DIR first")
    ap.add_argument("--out", default=OUT, help="output folder (default: the bundled resource folder)")
    ap.add_argument("--seed", type=int, default=20240801)
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--top-k", type=int, default=40)
    ap.add_argument("--repetition-penalty", type=float, default=1.0, help="CTRL-style; 1 = none")
    ap.add_argument("--max-new", type=int, default=MAX_TOKENS, help="most tokens sampled per text")
    ap.add_argument("--batch", type=int, default=64, help="rows sampled together")
    ap.add_argument("--retries", type=int, default=8)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    root = package_root(args.pkg_root, args.download)
    versions = {p: package_version(root, p) for p in PACKAGES}
    tok = T.Tokenizer.load(os.path.join(RES, "tiny-gpt/tokenizer.json"))
    rng = random.Random(args.seed)
    en, zh = sorted(set(english_passages(root, rng))), sorted(set(chinese_passages(root, rng)))
    en = [p for p in en if len(tok.encode(p)) <= MAX_TOKENS and not degenerate(p.split(" "), "en")]
    zh = [p for p in zh if not degenerate(list(p), "zh")]
    print(f"human passages: {len(en)} English, {len(zh)} Chinese ({versions})", flush=True)
    files = plan(assign_passages(en, zh, rng), args, rng)
    generate(files, tok, args)
    assemble(files, rng)
    longest = check(files, tok)
    write(files, args.out)
    write_licences(root, args.out, versions)
    write_readme(files, args.out, versions, args, longest)
    print(f"wrote {args.out}: {sum(len(f['out']) for f in files)} rows, longest text {longest} tokens, "
          f"{time.time() - t0:.0f}s", flush=True)
    sanity(files, tok)
    attribution(files, tok)


if __name__ == "__main__":
    main()
