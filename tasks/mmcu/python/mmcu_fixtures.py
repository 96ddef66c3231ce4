"""Writes a small MMCU-shaped data directory with openpyxl and runs MMCU's own TestChatGPT.py on it, recording the
prompts it sends and the labels it compares, for the Java test that checks MmcuTask reads and prompts the same
(MmcuParityTest).

The upstream code is run, not rewritten: TestChatGPT.py (Felixgithub2017/MMCU bd5b2a1) is imported from a checkout and
its main() called for --ntrain 0 and 2, with plain_chat replaced by a stub that records each prompt and answers from a
fixed list, and time.sleep by a no-op. The cells are made to hit the script's and pandas' quirks: option cleaning
("DNA", "AB型", "A、", " ．"), numbers and missing cells among options (pandas' column typing), pandas' NA strings,
labels with spaces, full-width letters, \\u3000, commas, several letters, and labels no answer can match.
Needs Debian's python3-pandas and python3-openpyxl.

  /usr/bin/python3 tasks/mmcu/python/mmcu_fixtures.py MMCU_CHECKOUT tasks/mmcu/src/test/resources/dev/proctor/tasks/mmcu/parity
"""
import argparse
import contextlib
import datetime
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile

import openpyxl

HEADER = ["题目", "A", "B", "C", "D", "答案"]

# file stem -> sheets (name -> rows); rows are question, options..., answer
TEST = {
    "医疗": {
        "内科学3题": [
            ["下列哪项属于DNA病毒？", "A、乙肝病毒", "B、流感病毒", "C、HIV", "D、DNA噬菌体", "A"],
            ["血型为AB型者可以接受：", "A型血", "B型血", "AB型血", "O型血", "ABCD"],
            ["  关于发热，正确的是（ ）\n", " ．体温升高", "Ａ、产热增加", "C.散热减少", "\u3000以上都对\u3000", "Ｄ"],
        ],
        "药理学2题": [
            ["阿司匹林的作用包括：", "解热", "镇痛", "抗炎", "抗血小板", "A B C D"],
            ["药物的半衰期（小时）约为：", 1, 2.5, "NA", "", "B"],
        ],
    },
    "法律": {
        "Sheet1": [
            ["下列说法正确的是：", "甲", "乙", "丙", "丁", "A,C"],
            ["合同无效的情形有：", "欺诈", "胁迫", "恶意串通", "显失公平", "BA"],
            ["下列属于物权的是：", "所有权", "债权", "抵押权", "知识产权", "ABFD"],
            ["标签小写：", "一", "二", "三", "四", "c"],
            ["标签为字符串False：", "一", "二", "三", "四", "False"],
            ["标签带全角空格：", "一", "二", "三", "四", "D\u3000"],
        ],
    },
    "心理": {  # three options: five columns
        "Sheet1": [
            ["随年龄增长，个体的快速眼动睡眠量怎么变化？", "越来越多", "越来越少", "呈 U 型变化", "B"],
            ["记忆的三个阶段：", "感觉记忆", "短时记忆", "长时记忆", "ABC"],
        ],
    },
    "教育_数学": {  # numeric option columns: an int column, a float column with a missing cell, text numbers
        "Sheet1": [
            ["1+1=", 2, 2.0, "007", True, "A"],
            ["0.5+1=", 3, 1.5, "8", datetime.datetime(2020, 1, 2, 3, 4, 5), "B"],
            ["无选项C的题", 4, None, "9", "x", "AD"],
        ],
    },
}
DEV = {
    "医疗": {
        "示例": [
            ["dev 医疗 1：DNA 是什么？", "A. 脱氧核糖核酸", "B. 核糖核酸", "C. 蛋白质", "D. 糖", "A"],
            ["dev 医疗 2", "甲", "乙", "丙", "丁", "BD"],
            ["dev 医疗 3", "甲", "乙", "丙", "丁", "C"],
        ],
        "未使用": [["never read", "a", "b", "c", "d", "A"]],
    },
    "法律": {"Sheet1": [["dev 法律 1", "甲", "乙", "丙", "丁", "ABC"], ["dev 法律 2", "甲", "乙", "丙", "丁", "D"]]},
    "心理": {"Sheet1": [["dev 心理 1", "甲", "乙", "丙", "A"], ["dev 心理 2", "甲", "乙", "丙", "BC"]]},
    "教育_数学": {"Sheet1": [["2+2=", 4, 5, 6, 7, "A"], ["3+3=", 6, 7, 8, 9, "A"]]},
}
# what the stub answers, in turn
ANSWERS = ["A", "ABCD", "答案是D", "ABCD", "B", "AC", "AB", "ABD", "C", "False", "D", "B", "ABC", "A", "B", "AD"]


def write(root, split, tables):
    os.makedirs(os.path.join(root, split), exist_ok=True)
    for stem, sheets in tables.items():
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name, rows in sheets.items():
            sheet = book.create_sheet(name)
            width = max(len(r) for r in rows)
            sheet.append(HEADER if width == 6 else HEADER[:width - 1] + HEADER[-1:])
            for row in rows:
                sheet.append(row)
        book.save(os.path.join(root, split, stem + ".xlsx"))


def load_upstream(checkout):
    spec = importlib.util.spec_from_file_location("TestChatGPT", os.path.join(checkout, "TestChatGPT.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # the upstream code, unchanged
    return module


def run(module, data_dir, ntrain):
    calls = []
    unit = [None]
    answers = iter(ANSWERS * 4)

    def plain_chat(prompt):
        answer = next(answers)
        calls.append({"unit": unit[0], "prompt": prompt, "response": answer})
        return answer

    original_eval = module.eval

    def eval_unit(args, subject, dev_df, test_df):
        unit[0] = subject
        return original_eval(args, subject, dev_df, test_df)

    module.plain_chat = plain_chat
    module.eval = eval_unit
    module.time.sleep = lambda seconds: None
    with tempfile.TemporaryDirectory() as work:
        cwd = os.getcwd()
        os.chdir(work)  # eval appends to a log file in the working directory
        try:
            save = os.path.join(work, "results")
            with contextlib.redirect_stdout(io.StringIO()):
                module.main(argparse.Namespace(ntrain=ntrain, data_dir=data_dir, save_dir=save))
            results = {}
            for name in os.listdir(save):
                with open(os.path.join(save, name), encoding="utf-8") as f:
                    results[name] = [line.rstrip("\n").split("|||") for line in f][:-1]  # last: the average
        finally:
            os.chdir(cwd)
            module.eval = original_eval
    rows = []
    seen = {}
    for call in calls:
        i = seen.get(call["unit"], 0)
        seen[call["unit"]] = i + 1
        pred, label, correct = results[call["unit"]][i]
        rows.append(dict(call, row=i, pred=pred, label=label, correct=correct == "True"))
    return rows


def main():
    checkout, out = sys.argv[1:3]
    shutil.rmtree(out, ignore_errors=True)
    write(out, "test", TEST)
    write(out, "dev", DEV)
    module = load_upstream(checkout)
    expected = {str(k): run(module, os.path.abspath(out), k) for k in (0, 2)}
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {sum(len(v) for v in expected.values())} prompts to {out}")


if __name__ == "__main__":
    main()
