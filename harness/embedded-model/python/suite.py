"""Invented facts (English and Chinese), the bundled multiple-choice suite made from them, and the prompt
formats Proctor renders (MMLU/CMMLU official and lm-evaluation-harness, see shared/reference/benchmarks.md).

Every test item asks one fact; the tiny model is trained on the fact statements AND on practice questions
about the same facts with freshly drawn distractors in a fresh order, so it must find the option that matches
what it knows rather than remember a letter. The suite depends only on DATA_SEED.
"""
import csv, json, os, random

DATA_SEED = 20240601
N_DEV, N_TEST = 5, 80  # per subject; 80 = 20 per gold letter

SUBJECTS = [  # name, displayName (what a header shows), categories, language
    ("geography_en", "geography", ["English", "Geography"], "en"),
    ("science_en", "science", ["English", "Science"], "en"),
    ("people_en", "people", ["English", "People"], "en"),
    ("geography_zh", "地理", ["Chinese", "Geography"], "zh"),
    ("science_zh", "科学", ["Chinese", "Science"], "zh"),
]
OTHER_NAME = {"geography": "地理", "science": "科学", "people": "人物", "地理": "geography", "科学": "science"}

# Every attribute has a pool of 12 values; the tokenizer makes each value one token, so "is this option what
# I recall?" is a one-token comparison that a 3-layer model can learn in minutes (multi-token invented capitals
# could not be learned in that budget).
EXPORTS = "wool copper tea salt rice timber silk coffee iron fish cotton glass".split()
ANIMALS = "wolf eagle bear lion tiger horse deer fox owl swan crane otter".split()
COLOURS = "red blue green yellow purple white black orange grey pink brown silver".split()
JOBS = "baker pilot teacher doctor farmer painter sailor lawyer miner tailor singer nurse".split()
EXPORTS_ZH = "羊毛 铜 茶叶 盐 大米 木材 丝绸 咖啡 铁矿 鱼 棉花 玻璃".split()
LANGUAGES_ZH = "英语 法语 德语 俄语 日语 西班牙语 葡萄牙语 意大利语 阿拉伯语 希腊语 荷兰语 瑞典语".split()
COLOURS_ZH = "红色 蓝色 绿色 黄色 紫色 白色 黑色 橙色 灰色 粉色 棕色 银色".split()
ZH_SYL = list("阿巴卡达佐比昆塔洛米斯尼拉维诺索伦贝加特玛里奥克图萨纳莫德基沙帕")
ZH_METAL = list("铑钯铱锇钌铼钽铌钼锆")

# relation: (subject, entity kind, value pool or invented-pool kind, question, statements)
RELATIONS = [  # questions end with the entity, right before the "?" the answer cue follows
    ("geography_en", "country", EXPORTS, "What is the main export of {e}?",
     ["The main export of {e} is {v}.", "{e} mainly exports {v}."]),
    ("geography_en", "country", ANIMALS, "What is the national animal of {e}?",
     ["The national animal of {e} is the {v}.", "{e} has the {v} as its national animal."]),
    ("science_en", "element", COLOURS, "What is the colour of {e}?",
     ["The colour of {e} is {v}.", "{E} is {v} in colour."]),
    ("science_en", "moon", "planet", "Which planet is orbited by the moon {e}?",
     ["The moon {e} orbits {v}.", "{e} is a moon of {v}."]),
    ("people_en", "person", JOBS, "What is the profession of {e}?",
     ["{e} works as a {v}.", "The profession of {e} is {v}."]),
    ("people_en", "person", "town", "Which town is the birthplace of {e}?",
     ["{e} was born in {v}.", "The birthplace of {e} is {v}."]),
    ("geography_zh", "国家", EXPORTS_ZH, "下列哪种产品主要出口自{e}？", ["{e}的主要出口产品是{v}。", "{e}主要出口{v}。"]),
    ("geography_zh", "国家", LANGUAGES_ZH, "下列哪种语言通行于{e}？", ["{e}通行{v}。", "{e}的官方语言是{v}。"]),
    ("science_zh", "元素", COLOURS_ZH, "下列哪种颜色属于{e}？", ["{e}的颜色是{v}。", "{e}是{v}的。"]),
    ("science_zh", "卫星", "行星", "下列哪颗行星拥有卫星{e}？", ["卫星{e}围绕{v}运行。", "{v}有一颗卫星叫{e}。"]),
]
POOL_SIZE = 12

FORMATS = {  # header, question prefix, answer cue, delimiter before the letter (lm-eval continuation " A")
    "mmlu-official": dict(header="The following are multiple choice questions (with answers) about  {s}.\n\n",
                          prefix="", cue="\nAnswer:", delim=" "),
    "mmlu-lm-eval": dict(header="The following are multiple choice questions (with answers) about {s}.\n\n",
                         prefix="", cue="\nAnswer:", delim=" "),
    "cmmlu-official": dict(header="以下是关于{s}的单项选择题，请直接给出正确答案的选项。\n\n", prefix="题目：",
                           cue="\n答案是：", delim=""),
    "cmmlu-lm-eval": dict(header="以下是关于{s}的单项选择题，请直接给出正确答案的选项。\n\n", prefix="", cue="\n答案：",
                          delim=" "),
}


def _name(rng, kind, used):
    C, V = "bdfgklmnprstvz", "aeiou"
    syl = lambda k: "".join(rng.choice(C) + rng.choice(V) for _ in range(k))
    while True:
        if kind == "country":
            n = (syl(rng.randint(1, 2)) + rng.choice(["ria", "land", "stan", "nia", "vor", "desh"])).capitalize()
        elif kind == "town":
            n = (syl(2) + rng.choice(["", "n", "r", "s", "nt", "ck"])).capitalize()
        elif kind == "element":
            n = syl(rng.randint(1, 2)) + rng.choice(["ium", "on", "ine", "ite"])
        elif kind in ("moon", "planet"):
            n = (syl(rng.randint(1, 2)) + rng.choice(["a", "us", "os", "e", "ix"])).capitalize()
        elif kind == "person":
            n = (syl(2) + rng.choice(["", "n", "l"])).capitalize() + " " + (syl(2) + rng.choice(["son", "er", "ley", "ski"])).capitalize()
        elif kind == "元素":
            n = rng.choice(ZH_SYL) + rng.choice(ZH_METAL)
        else:  # Chinese countries, cities, moons, planets
            suffix = {"国家": ["亚", "兰", "斯坦", "尼亚"], "卫星": [""], "行星": ["星"]}[kind]
            n = "".join(rng.choice(ZH_SYL) for _ in range(rng.randint(2, 3))) + rng.choice(suffix)
            if kind == "行星" and any(u[0] == n[0] and u.endswith("星") for u in used):
                continue  # planets differ in their first character
        if n not in used:
            used.add(n)
            return n


def build(seed):
    """Returns (facts, suite): facts are dicts {subject, question, value, pool, statements}; the suite maps
    subject -> {"dev": items, "test": items}, an item being {question, choices, gold}."""
    rng = random.Random(seed)
    used, facts, suite = set(), [], {}
    for subj, _, _, _ in SUBJECTS:
        rels = [r for r in RELATIONS if r[0] == subj]
        n = N_DEV + N_TEST
        ents = {}
        for r in rels:  # entity kinds shared by the subject's relations (a country has a capital and an export)
            if r[1] not in ents:
                ents[r[1]] = [_name(rng, r[1], used) for _ in range((n + 1) // 2 + 3)]
        sfacts = []
        for r in rels:
            pool = r[2] if isinstance(r[2], list) else [_name(rng, r[2], used) for _ in range(POOL_SIZE)]
            values = [rng.choice(pool) for _ in ents[r[1]]]
            for e, v in zip(ents[r[1]], values):
                q = r[3].format(e=e)
                qa = q + (v + "。" if lang(subj) == "zh" else " " + v + ".")  # recall in the question's own wording
                sfacts.append(dict(subject=subj, entity=e, value=v, pool=pool, question=q,
                                   statements=[t.format(e=e, E=e[:1].upper() + e[1:], v=v) for t in r[4]] + [qa]))
        rng.shuffle(sfacts)
        facts += sfacts
        chosen = sfacts[:n]
        golds = [0, 1, 2, 3, rng.randrange(4)] + [i % 4 for i in range(N_TEST)]
        rest = golds[N_DEV:]
        rng.shuffle(rest)
        items = [make_item(f, g, rng) for f, g in zip(chosen, golds[:N_DEV] + rest)]
        suite[subj] = {"dev": items[:N_DEV], "test": items[N_DEV:]}
    return facts, suite


def lang(subject):
    return next(s[3] for s in SUBJECTS if s[0] == subject)


def make_item(fact, gold, rng):
    distract = rng.sample([p for p in fact["pool"] if p != fact["value"]], 3)
    choices = distract[:gold] + [fact["value"]] + distract[gold:]
    return dict(question=fact["question"], choices=choices, gold=gold)


def statement(fact, rng):
    return rng.choice(fact["statements"])


def query(fmt, item):
    opts = "".join(f"\n{L}. {c}" for L, c in zip("ABCD", item["choices"]))
    return fmt["prefix"] + item["question"] + opts + fmt["cue"]


def render(fmt, subject, item, shots=()):
    """A prompt as the harness renders it (McTemplate: header, worked examples, query)."""
    d = next(s[1] for s in SUBJECTS if s[0] == subject)
    worked = "".join(query(fmt, s) + fmt["delim"] + "ABCD"[s["gold"]] + "\n\n" for s in shots)
    return fmt["header"].replace("{s}", d) + worked + query(fmt, item)


MATCH_Q = {"en": "Which option is {v}?", "zh": "哪个选项是{v}？"}


def practice_prompt(rng, facts, max_shots, p_match):
    """A practice prompt as [(text, value)]: random format, 0..max_shots worked examples, the answer; value is
    the correct option's text for an answer piece (the recall target of the pointer query), else None.
    With probability p_match a question names its answer ("Which option is Quenta?"): pure look-up practice
    that teaches the letter-copying circuit, which the knowledge questions then reuse with a recalled value."""
    fmt = FORMATS[rng.choice(list(FORMATS))]
    target = rng.choice(facts)
    subj = next(s for s in SUBJECTS if s[0] == target["subject"])
    same = [f for f in facts if f["subject"] == subj[0]] if max_shots else []
    display = subj[1] if rng.random() < 0.8 else OTHER_NAME.get(subj[1], subj[1])
    pieces = [(fmt["header"].replace("{s}", display), False)]
    for f in [rng.choice(same) for _ in range(rng.randint(0, max_shots))] + [target]:
        it = make_item(f, rng.randrange(4), rng)
        if rng.random() < p_match:
            it["question"] = MATCH_Q[lang(f["subject"])].format(v=f["value"])
        value = (" " if lang(f["subject"]) == "en" else "") + f["value"]  # as the option shows it (one token)
        pieces += [(query(fmt, it), None), (fmt["delim"] + "ABCD"[it["gold"]], value), ("\n\n", None)]
    return pieces[:-1]


def values(facts):
    """Every attribute value, as it appears after a space (English) or inside Chinese text."""
    return sorted({(" " if lang(f["subject"]) == "en" else "") + v for f in facts for v in f["pool"]})


def all_text(facts):
    """Every string the tokenizer should know well (its CJK characters become single tokens)."""
    heads = [f["header"].replace("{s}", n) + f["cue"] for f in FORMATS.values() for n in OTHER_NAME]
    parts = heads * 20 + [json.dumps(SUBJECTS, ensure_ascii=False)]
    for f in facts:
        parts += [f["question"]] + f["statements"] + f["pool"] + [MATCH_Q[lang(f["subject"])]]
    return "\n".join(parts)


def write_suite(suite, root):
    for split in ("dev", "test"):
        os.makedirs(os.path.join(root, split), exist_ok=True)
        for subj, data in suite.items():
            with open(os.path.join(root, split, subj + ".csv"), "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f, lineterminator="\n")  # CMMLU's layout: unnamed 0-based index column
                w.writerow(["", "Question", "A", "B", "C", "D", "Answer"])
                for i, it in enumerate(data[split]):
                    w.writerow([i, it["question"], *it["choices"], "ABCD"[it["gold"]]])
    with open(os.path.join(root, "subjects.json"), "w", encoding="utf-8") as f:
        json.dump({"subjects": [{"name": n, "displayName": d, "categories": c} for n, d, c, _ in SUBJECTS]},
                  f, ensure_ascii=False, indent=2)
        f.write("\n")
