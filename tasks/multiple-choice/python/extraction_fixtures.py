"""Runs the reference answer-extraction code on a list of model answers and records what it decides, for the Java
test that checks Proctor's rules (AnswerRule: ceval-zero-shot, ceval-few-shot, ceval-cot, opencompass-first-capital,
opencompass-first-option, mmcu) decide the same.

The upstream code is run, not rewritten:
- C-Eval: code/evaluator_series/evaluators/chatgpt.py imported from a checkout of hkust-nlp/ceval (cba65ae9), its
  ChatGPT_Evaluator.eval_subject called for each answer with `openai` replaced by a stub that returns that answer as the
  chat response (and `tqdm` by a pass-through); the per-row "correctness" it saves is recorded for zero-shot
  (few_shot=False), few-shot (few_shot=True, k=0) and chain-of-thought (cot=True).
- OpenCompass: first_capital_postprocess and first_option_postprocess taken verbatim (by `ast`, without their registry
  decorators) from opencompass/utils/text_postprocessors.py of a checkout of open-compass/opencompass (a5acc4bb).
- MMCU: TestChatGPT.py imported from a checkout of Felixgithub2017/MMCU (bd5b2a1), its eval() called for each answer on
  one test sheet of MMCU_GOLDS rows, with plain_chat replaced by a stub that returns that answer and time.sleep by a
  no-op; the prediction it writes ("pred|||label|||True/False", 未成功回答 when it reads none) and each row's verdict
  are recorded.
Needs Debian's python3-pandas and python3-requests (TestChatGPT.py imports it).

  /usr/bin/python3 tasks/multiple-choice/python/extraction_fixtures.py CEVAL_CHECKOUT OPENCOMPASS_CHECKOUT \
      MMCU_CHECKOUT OUT

The test's copy is tasks/multiple-choice/src/test/resources/dev/proctor/tasks/mc/extraction-fixtures.jsonl.
"""
import argparse
import ast
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import types

ANSWERS = [
    "B", " B.", "b", "B。", "b.", "B\n", "\nC", "ｂ", "Ｂ", "BA", "A和B", "", "   ", "Because it is C",
    "答案是B", "答案是 选项 C", "答案是选项B。", "答案为：D", "答案：A", "答案: C", "选B", "选项D", "我选C",
    "正确的一项是A", "答案应该是：B", "所以答案是C。", "让我们一步一步思考，\n1. 略\n所以答案是D。", "答案是 B 。",
    "答案为b。", "选项A是正确的。", "答案是A。答案是C。", "答案是B，不是C", "故选A只有选项B是对", "故选A",
    "The answer is (C)", "the answer is: **D**", "ANSWER: b", "answer: B", "The correct answer is \\boxed{A}",
    "DNA", "只有选项C是对的", "说法错误的是 D", "A 选项", "因此B。", "显然D", "综上，B。", "1. C", "1.B",
    "x: C", "选择D", "(D)", "E", "答案是E", "我觉得是Ｃ", "Ⓐ", "答案\u3000是\u3000B", "答案是\u00a0C",
    # several letters, as MMCU's questions may have
    "ABD", "A、B、D", "A,B,D", "A.B.D。", "A;C", "A，C", "AAB", "AABB", "ABCDA", "ABCDE", "A B", "A B C", "答案是BA",
    "BAD", "正确答案是：ABD。", "DCBA", "CC", "选项A和C都对", "ABCDABCD", "B、", "a b", "AB\nCD", "无法回答",
]
GOLDS = ["A", "B", "C", "D"]
MMCU_GOLDS = ["A", "B", "C", "D", "AB", "BA", "ABD", "ABCD"]
CURRENT = [""]  # the answer the stub returns; chatgpt.py binds `openai` once, at import


def ceval_scores(checkout, answer, gold):
    """chatgpt.py's eval_subject on one question whose model answer is `answer`: correctness per mode."""
    import pandas as pd
    sys.path.insert(0, os.path.join(checkout, "code", "evaluator_series"))
    stub = types.ModuleType("openai")

    class ChatCompletion:
        @staticmethod
        def create(**kwargs):
            return {"choices": [{"message": {"content": CURRENT[0]}}]}
    stub.ChatCompletion = ChatCompletion
    tq = types.ModuleType("tqdm")
    tq.tqdm = lambda it, total=None: it
    sys.modules["tqdm"] = tq
    if "evaluators.chatgpt" not in sys.modules:
        sys.modules["openai"] = stub
    from evaluators.chatgpt import ChatGPT_Evaluator  # the upstream code, unchanged
    CURRENT[0] = answer
    evaluator = ChatGPT_Evaluator(choices=GOLDS, k=0, api_key="none", model_name="stub")
    scores = {}
    for mode, few_shot, cot in (("ceval_zero_shot", False, False), ("ceval_few_shot", True, False),
                                ("ceval_cot", False, True)):
        test_df = pd.DataFrame([{"id": 0, "question": "问", "A": "甲", "B": "乙", "C": "丙", "D": "丁",
                                 "answer": gold}])
        dev_df = test_df.copy()
        with tempfile.TemporaryDirectory() as out:
            evaluator.eval_subject("s", test_df, dev_df=dev_df, few_shot=few_shot, save_result_dir=out, cot=cot)
            saved = pd.read_csv(os.path.join(out, "s_val.csv"))
        scores[mode] = int(saved["correctness"][0])
    return scores


def opencompass_functions(checkout):
    path = os.path.join(checkout, "opencompass", "utils", "text_postprocessors.py")
    tree = ast.parse(open(path, encoding="utf-8").read())
    keep = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name in ("first_capital_postprocess", "first_option_postprocess"):
            node.decorator_list = []
            keep.append(node)
    module = ast.Module(body=[ast.Import(names=[ast.alias(name="re")])] + keep, type_ignores=[])
    namespace = {}
    exec(compile(ast.fix_missing_locations(module), path, "exec"), namespace)
    return namespace["first_capital_postprocess"], namespace["first_option_postprocess"]


def mmcu_module(checkout):
    spec = importlib.util.spec_from_file_location("TestChatGPT", os.path.join(checkout, "TestChatGPT.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the upstream code, unchanged
    module.time.sleep = lambda seconds: None
    return module


def mmcu_scores(module, answer):
    """TestChatGPT.py's eval() on one sheet whose rows have MMCU_GOLDS as labels, the model answering `answer`."""
    import pandas as pd
    module.plain_chat = lambda prompt: answer
    test_df = pd.DataFrame([["问", "甲", "乙", "丙", "丁", gold] for gold in MMCU_GOLDS],
                           columns=["question", "A", "B", "C", "D", "answer"])
    with tempfile.TemporaryDirectory() as work:
        cwd = os.getcwd()
        os.chdir(work)  # eval appends to a log file in the working directory
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                lines = module.eval(argparse.Namespace(ntrain=0), "s", test_df[:0], test_df)
        finally:
            os.chdir(cwd)
    rows = [line.rstrip("\n").split("|||") for line in lines[:-1]]  # the last line is the average
    return {"pred": rows[0][0], "correct": {gold: row[2] == "True" for gold, row in zip(MMCU_GOLDS, rows)}}


def main():
    ceval, opencompass, mmcu, out = sys.argv[1:5]
    first_capital, first_option = opencompass_functions(opencompass)
    mmcu_eval = mmcu_module(mmcu)
    with open(out, "w", encoding="utf-8") as f:
        for answer in ANSWERS:
            row = {"answer": answer, "first_capital": first_capital(answer),
                   "first_option": first_option(answer, "ABCD"), "ceval": {}}
            for gold in GOLDS:
                row["ceval"][gold] = ceval_scores(ceval, answer, gold)
            row["mmcu"] = mmcu_scores(mmcu_eval, answer)
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(ANSWERS)} answers to {out}")


if __name__ == "__main__":
    main()
