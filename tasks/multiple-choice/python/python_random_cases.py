#!/usr/bin/python3
"""Writes the CPython reference draws that PythonRandomTest checks the Java port against.

lm-evaluation-harness draws few-shot examples with random.Random(seed).sample(pool, n); Proctor's PythonRandom must
reproduce those draws exactly, so the expected values come from CPython itself, never from a hand-written list.

Run from anywhere with the standard library only:  /usr/bin/python3 tasks/multiple-choice/python/python_random_cases.py
"""

import json
import math
import random
import sys
from pathlib import Path

SEEDS = [0, 1, 42, 1234, 2**32 + 5, 2**40 + 3, -7, 9223372036854775807, -9223372036854775808]
SAMPLES = [(5, 5), (5, 1), (10, 3), (100, 5), (1000, 6), (1000, 30), (40, 25), (22, 6), (3, 0),
           # either side of the pool/set branch threshold (setsize 21 for k <= 5, 85 for 6 <= k <= 21)
           (21, 5), (22, 5), (85, 6), (86, 6)]
RANDBELOW = [1, 2, 3, 5, 7, 100, 2**31, 2**32 + 1]
OUT = Path(__file__).resolve().parent.parent / "src/test/resources/dev/proctor/tasks/mc/python-random-cases.json"


def python_setsize(k):
    """random.Random.sample's threshold, computed the way Lib/random.py computes it (floating-point log)."""
    setsize = 21
    if k > 5:
        setsize += 4 ** math.ceil(math.log(k * 3, 4))
    return setsize


def setsize_ks():
    """k values on both sides of every point where the power of 4 steps up, for k up to Java's int range."""
    ks = set(range(0, 12))
    power = 4
    while power // 3 < 2**31:
        for k in (power // 3 - 1, power // 3, power // 3 + 1):
            if 0 <= k < 2**31:
                ks.add(k)
        power *= 4
    ks.add(2**31 - 1)
    return sorted(ks)


def one_seed(seed):
    case = {"seed": seed}
    rnd = random.Random(seed)
    case["getrandbits32"] = [rnd.getrandbits(32) for _ in range(10)]
    rnd = random.Random(seed)
    case["random"] = [repr(rnd.random()) for _ in range(5)]
    case["samples"] = []
    for n, k in SAMPLES:
        rnd = random.Random(seed)
        case["samples"].append({"n": n, "k": k, "result": rnd.sample(range(n), k)})
    rnd = random.Random(seed)
    x = list(range(10))
    rnd.shuffle(x)
    case["shuffle10"] = x
    rnd = random.Random(seed)
    case["randbelow"] = [{"n": n, "result": rnd._randbelow(n)} for n in RANDBELOW]
    rnd = random.Random(seed)
    case["getrandbits"] = [{"k": k, "result": rnd.getrandbits(k)} for k in (1, 7, 31, 32, 33, 48, 63, 64)]
    return case


def main():
    # All draws go through _randbelow_with_getrandbits; fail loudly if this interpreter picked the other variant.
    assert random.Random._randbelow is random.Random._randbelow_with_getrandbits, "unexpected _randbelow"
    rnd = random.Random(1234)
    successive = [rnd.sample(range(57), 5) for _ in range(20)]
    # lm-eval's default sampler when the few-shot split is the evaluated one: for each document in order, draw k + 1
    # from the pool with the one generator, drop the evaluated document, keep the first k
    rnd = random.Random(1234)
    pool = list(range(12))
    same_split = []
    for doc in pool:
        same_split.append([x for x in rnd.sample(pool, 3 + 1) if x != doc][:3])
    data = {
        "python": sys.version,
        "cases": [one_seed(seed) for seed in SEEDS],
        "successive": {"seed": 1234, "n": 57, "k": 5, "results": successive},
        "same_split": {"seed": 1234, "n": 12, "k": 3, "results": same_split},
        "setsize": [{"k": k, "setsize": python_setsize(k)} for k in setsize_ks()],
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
