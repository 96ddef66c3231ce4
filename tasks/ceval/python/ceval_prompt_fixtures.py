"""Builds C-Eval prompts with the official evaluator code, for the Java test that checks Proctor's formats
official-handle and official-cot give the same text (CevalPromptParityTest).

The upstream code is run, not rewritten: LLaMA_Evaluator.format_example and generate_few_shot_prompt are taken verbatim
(by `ast`) from code/evaluator_series/evaluators/llama.py of a checkout of hkust-nlp/ceval (cba65ae9) and called on the
release's rows read with pandas, as eval_llama.py reads them:
- official-handle: answer-only, the subject passed as eval_llama.py passes it (its handle, e.g. computer_network);
- official-cot: chain of thought (cot=True; worked examples with the dev explanations, the question ending
  "让我们一步一步思考，\n1."), the subject passed as its Chinese name, as the README's prompt has it.
Needs Debian's python3-pandas.

  /usr/bin/python3 tasks/ceval/python/ceval_prompt_fixtures.py CEVAL_CHECKOUT CEVAL_EXAM_DIR OUT

CEVAL_EXAM_DIR is ../shared/data/ceval/ceval-exam; the test's copy of OUT is
harness/cli/src/test/resources/dev/proctor/cli/ceval/official-prompts.jsonl.
"""
import ast
import json
import os
import sys
from types import SimpleNamespace

import pandas as pd

CASES = [  # format, subject handle, Chinese name, shots, cot, items
    ("official-handle", "computer_network", "计算机网络", 0, False, 2),
    ("official-handle", "computer_network", "计算机网络", 5, False, 2),
    ("official-cot", "computer_network", "计算机网络", 5, True, 2),
    ("official-cot", "high_school_chemistry", "高中化学", 2, True, 2),
]


def upstream_methods(checkout):
    """format_example and generate_few_shot_prompt of LLaMA_Evaluator, compiled from their source."""
    path = os.path.join(checkout, "code", "evaluator_series", "evaluators", "llama.py")
    source = open(path, encoding="utf-8").read()
    wanted = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == "LLaMA_Evaluator":
            for f in node.body:
                if isinstance(f, ast.FunctionDef) and f.name in ("format_example", "generate_few_shot_prompt"):
                    wanted[f.name] = ast.unparse(f)
    namespace = {}
    exec("\n\n".join(wanted.values()), namespace)
    return namespace["format_example"], namespace["generate_few_shot_prompt"]


def main(checkout, data_dir, out):
    format_example, few_shot_prompt = upstream_methods(checkout)
    with open(out, "w", encoding="utf-8") as f:
        for name, handle, chinese, shots, cot, items in CASES:
            evaluator = SimpleNamespace(choices=["A", "B", "C", "D"], k=shots)
            evaluator.format_example = lambda line, include_answer=True, cot=False, e=evaluator: \
                format_example(e, line, include_answer=include_answer, cot=cot)
            dev = pd.read_csv(os.path.join(data_dir, "dev", handle + "_dev.csv"))
            val = pd.read_csv(os.path.join(data_dir, "val", handle + "_val.csv"))
            subject = chinese if cot else handle
            # eval_llama.py: the few-shot prompt (header and examples), then the question (llama.py eval_subject)
            prefix = few_shot_prompt(evaluator, subject, dev, cot=cot)
            prompts = [prefix + evaluator.format_example(row, include_answer=False, cot=cot)
                       for _, row in val.head(items).iterrows()]
            f.write(json.dumps({"format": name, "subject": handle, "shots": shots, "prompts": prompts},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
