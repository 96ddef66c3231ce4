"""Renders every CMMLU test prompt with CMMLU's own gen_prompt and records a digest of each, for the Java test
that checks `proctor prompts` renders the same bytes (shot dropping, ties, header drop, all of it).

The prompts come from the upstream code itself, imported from a checkout of haonan-li/CMMLU (src/mp_utils.py),
called as src/hf_causal_model.py calls it; the tokenizer is the embedded model's, read back from its tokenizer.json
by Proctor's own Python tokenizer (the one that wrote it). Needs Debian's python3-pandas and python3-numpy.

  /usr/bin/python3 tasks/cmmlu/python/upstream_prompts.py CMMLU_CHECKOUT TOKENIZER_JSON OUT [MAX_LENGTH] [SHOTS]

with CMMLU_CHECKOUT a clone of haonan-li/CMMLU at d6e7b71 (its data/ is byte-identical to ../shared/data/cmmlu) and
TOKENIZER_JSON the embedded tiny-gpt's; the test's copy is
harness/cli/src/test/resources/dev/proctor/cli/cmmlu-gen-prompt-5shot-512.tsv.
"""
import hashlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "harness", "embedded-model", "python"))
import tokenizer as T  # noqa: E402  Proctor's tokenizer, the one that wrote tokenizer.json


class DefaultSpecialTokens:
    """The one method gen_prompt calls: encode with the tokenizer's default special tokens (this one adds none)."""

    def __init__(self, path):
        self.tok = T.Tokenizer.load(path)

    def encode(self, text):
        return self.tok.encode(text)


def main():
    checkout, tokenizer_json, out = sys.argv[1:4]
    max_length = int(sys.argv[4]) if len(sys.argv) > 4 else 512
    shots = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    sys.path.insert(0, os.path.join(checkout, "src"))
    import pandas as pd
    from mp_utils import format_example, gen_prompt  # the upstream code, unchanged

    tok = DefaultSpecialTokens(tokenizer_json)
    data = os.path.join(checkout, "data")
    subjects = sorted(f.split(".csv")[0] for f in os.listdir(os.path.join(data, "test")))
    lines = []
    for subject in subjects:  # as run_eval reads them
        dev_df = pd.read_csv(os.path.join(data, "dev", subject + ".csv"), header=0, index_col=0)
        test_df = pd.read_csv(os.path.join(data, "test", subject + ".csv"), header=0, index_col=0)
        for i in range(test_df.shape[0]):
            prompt_end = format_example(test_df, i, subject, include_answer=False)
            prompt = gen_prompt(dev_df=dev_df, subject=subject, prompt_end=prompt_end, num_few_shot=shots,
                                tokenizer=tok, max_length=max_length)
            digest = hashlib.sha256(prompt.encode("utf-8")).hexdigest()[:16]
            lines.append(f"{subject}/test/{i}\t{digest}")
    with open(out, "w", encoding="utf-8") as f:
        f.write(f"# CMMLU gen_prompt, {shots} shots, max_length {max_length}, tokenizer sha256 "
                f"{hashlib.sha256(open(tokenizer_json, 'rb').read()).hexdigest()}\n")
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines)} prompt digests to {out}")


if __name__ == "__main__":
    main()
