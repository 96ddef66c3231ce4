"""Builds chat prompts for C-Eval items exactly as lm-evaluation-harness does with --apply_chat_template, for the Java
test that checks `proctor prompts --apply-chat-template` gives the same text (ChatPromptParityTest).

The upstream code is run, not rewritten: ConfigurableTask.fewshot_context and build_qa_turn are taken verbatim (by
`ast`, without their decorators) from lm_eval/api/task.py of a checkout of EleutherAI/lm-evaluation-harness
(4e7e0d47), with lm_eval/api/utils.py (Message, maybe_delimit, multiturn_to_singleturn) imported from the same
checkout; the task's config is lm_eval/tasks/ceval/_default_ceval_yaml (doc_to_text rendered by Jinja2 as lm-eval's
apply_template does, first_n shots from dev). The chat template is rendered as transformers' apply_chat_template
renders it: ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, loopcontrols), raise_exception,
add_generation_prompt=True, the special tokens as variables.

  /usr/bin/python3 harness/cli/python/chat_prompt_fixtures.py LMEVAL_CHECKOUT CEVAL_EXAM_DIR OUT

CEVAL_EXAM_DIR is ../shared/data/ceval/ceval-exam; the test's copy of OUT is
harness/cli/src/test/resources/dev/proctor/cli/chat/chat-prompts.jsonl. Needs Debian's python3-jinja2.
"""
import ast
import csv
import importlib.util
import json
import os
import sys
from functools import partial
from types import SimpleNamespace

import jinja2
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "src", "test", "resources", "dev", "proctor", "cli", "chat")
SPECIAL_TOKENS = {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"}
SUBJECT, DESCRIPTION = "computer_network", "以下是中国关于计算机网络的单项选择题，请选出其中的正确答案。\n\n"
CASES = [  # template, shots, system instruction, few-shot as multiturn, items
    ("chatml.jinja", 0, None, False, 2),
    ("chatml.jinja", 2, None, False, 2),
    ("chatml.jinja", 2, None, True, 2),
    ("chatml.jinja", 1, "你是一个中文人工智能助手。", True, 1),
    ("llama3-shaped.jinja", 2, "Answer with one letter.", False, 1),
    ("llama3-shaped.jinja", 2, None, True, 1),
]


def upstream_methods(checkout):
    """fewshot_context and build_qa_turn of ConfigurableTask, compiled from their source in the checkout."""
    spec = importlib.util.spec_from_file_location("lm_eval_api_utils", os.path.join(checkout, "lm_eval/api/utils.py"))
    utils = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = utils  # dataclasses look their module up
    spec.loader.exec_module(utils)
    source = open(os.path.join(checkout, "lm_eval/api/task.py"), encoding="utf-8").read()
    tree = ast.parse(source)
    wanted = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == "ConfigurableTask":
            for f in node.body:
                if isinstance(f, ast.FunctionDef) and f.name in ("fewshot_context", "build_qa_turn"):
                    f.decorator_list = []
                    wanted[f.name] = ast.unparse(f)
    namespace = {"Message": utils.Message, "maybe_delimit": utils.maybe_delimit,
                 "requires_delimiter": utils.requires_delimiter,
                 "multiturn_to_singleturn": utils.multiturn_to_singleturn, "partial": partial,
                 "Callable": object, "cast": lambda t, v: v, "utils": utils}
    exec("from __future__ import annotations\n" + "\n\n".join(wanted.values()), namespace)
    return namespace["fewshot_context"], namespace["build_qa_turn"]


class CevalTask:
    """The attributes fewshot_context reads, from lm-eval's ceval config."""

    def __init__(self, checkout, data_dir, build_qa_turn):
        config = open(os.path.join(checkout, "lm_eval/tasks/ceval/_default_ceval_yaml"), encoding="utf-8").read()
        line = next(l for l in config.splitlines() if l.startswith("doc_to_text:"))
        self.text_template = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True) \
            .from_string(json.loads(line[len("doc_to_text:"):].strip()))
        self.config = SimpleNamespace(description=DESCRIPTION, fewshot_delimiter="\n\n", target_delimiter=" ",
                                      test_split=None, gen_prefix=None,
                                      doc_to_choice=["A", "B", "C", "D"])
        # FewshotConfig.from_dict inherits what the fewshot_config does not set from the task's config
        self.fewshot_cfg = SimpleNamespace(split="dev", doc_to_text=None, doc_to_choice=["A", "B", "C", "D"],
                                           doc_to_target=None, gen_prefix=None, target_delimiter=" ",
                                           fewshot_delimiter="\n\n")
        self.multiple_input = False
        self.dev = read_csv(os.path.join(data_dir, "dev", SUBJECT + "_dev.csv"))
        self.sampler = SimpleNamespace(sample=lambda n, eval_doc=None: self.dev[:n])  # first_n
        self.build_qa_turn = partial(build_qa_turn, self)

    def resolve_field(self, doc, field):
        return field

    def doc_to_text(self, doc, doc_to_text=None):
        return self.text_template.render(**doc)

    def doc_to_choice(self, doc, doc_to_choice=None):
        return ["A", "B", "C", "D"]

    def doc_to_target(self, doc, doc_to_target=None):
        return ["A", "B", "C", "D"].index(doc["answer"])

    def doc_to_prefix(self, doc):
        return None


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def chat_template(name):
    """transformers' rendering (utils/chat_template_utils.py): the environment and globals it sets."""
    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])
    env.globals["raise_exception"] = raise_exception
    template = env.from_string(open(os.path.join(TEMPLATES, name), encoding="utf-8").read())
    return lambda messages, add_generation_prompt: template.render(
        messages=messages, add_generation_prompt=add_generation_prompt, **SPECIAL_TOKENS)


def main(checkout, data_dir, out):
    fewshot_context, build_qa_turn = upstream_methods(checkout)
    task = CevalTask(checkout, data_dir, build_qa_turn)
    val = read_csv(os.path.join(data_dir, "val", SUBJECT + "_val.csv"))
    with open(out, "w", encoding="utf-8") as f:
        for template, shots, system, multiturn, items in CASES:
            prompts = [fewshot_context(task, doc, shots, system_instruction=system, apply_chat_template=True,
                                       fewshot_as_multiturn=multiturn, chat_template=chat_template(template))
                       for doc in val[:items]]
            f.write(json.dumps({"template": template, "subject": SUBJECT, "shots": shots, "systemInstruction": system,
                                "fewShotAsMultiturn": multiturn, "specialTokens": SPECIAL_TOKENS, "prompts": prompts},
                               ensure_ascii=False) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
