#!/usr/bin/python3
"""Renders the chat templates under harness/chat/src/test/resources/chat-templates (the published ones and the probes
listed in templates.json) as Hugging Face transformers renders them, on the conversations in CASES, and writes what
it got to fixtures.jsonl beside them, one JSON object a line:

    {"template": NAME, "case": CASE, "special_tokens": {...}, "variables": {...}, "expected": TEXT}
    {"template": NAME, "case": CASE, "special_tokens": {...}, "variables": {...},
     "error": {"type": "raise_exception" | PYTHON_EXCEPTION_TYPE, "message": TEXT}}

The Java test ChatTemplateParityTest renders every line with ChatTemplate and demands the same bytes, or a
ChatTemplateException carrying the template's own message.

Run it with the system Python, which has Jinja2 3.1 (transformers itself is not needed):

    /usr/bin/python3 harness/chat/python/render_fixtures.py

The environment mirrors transformers at commit 5e43e2e892453b405ce6d2cb94387b3a3213f30a:
src/transformers/utils/chat_template_utils.py `_compile_jinja_template` (ImmutableSandboxedEnvironment with
trim_blocks, lstrip_blocks, the AssistantTracker `{% generation %}` tag and loopcontrols; `tojson` as json.dumps with
ensure_ascii=False; globals raise_exception and strftime_now) and tokenization_utils_base.py `apply_chat_template`
(`template_kwargs = {**self.special_tokens_map, **kwargs}`, then
`render(messages=..., tools=..., documents=..., add_generation_prompt=..., **template_kwargs)`, tools and documents
None unless given). The clock strftime_now reads is frozen at FROZEN_NOW so the fixtures do not change by the day.
"""

import json
import math
import random
import struct
import sys
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment

TRANSFORMERS_COMMIT = "5e43e2e892453b405ce6d2cb94387b3a3213f30a"
RESOURCES = Path(__file__).resolve().parent.parent / "src" / "test" / "resources" / "chat-templates"
FROZEN_NOW = datetime(2024, 7, 26, 9, 30, 0)


class GenerationTag(Extension):
    """transformers' AssistantTracker as rendering sees it: `{% generation %}...{% endgeneration %}` renders its body.

    (The tracker records where the body lands only when asked for an assistant mask; apply_chat_template's text is
    the same either way.)"""

    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_render_body"), [], [], body).set_lineno(lineno)

    def _render_body(self, caller):
        return caller()


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return FROZEN_NOW.strftime(format)


def environment():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[GenerationTag, jinja2.ext.loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


def render(env, source, special_tokens, variables):
    """apply_chat_template(tokenize=False) for one conversation."""
    kwargs = dict(variables)
    messages = kwargs.pop("messages")
    add_generation_prompt = kwargs.pop("add_generation_prompt")
    tools = kwargs.pop("tools", None)
    documents = kwargs.pop("documents", None)
    template_kwargs = {**special_tokens, **kwargs}
    return env.from_string(source).render(messages=messages, tools=tools, documents=documents,
                                          add_generation_prompt=add_generation_prompt, **template_kwargs)


def msg(role, content):
    return {"role": role, "content": content}


SYSTEM = msg("system", "You are a helpful assistant.")
WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_current_weather",
        "description": "Get the current weather in a given location",
        "parameters": {
            "type": "object",
            "properties": {
                "location": {"type": "string", "description": "The city and country, e.g. San Francisco, USA"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"], "description": "温度单位"},
                "days": {"type": "integer", "description": "How many days ahead", "default": 0},
                "threshold": {"type": "number", "description": "Alert above this", "default": 27.5},
                "hourly": {"type": "boolean", "description": "Hour by hour", "default": False},
                "note": {"type": ["string", "integer"], "description": "Anything else", "default": None},
            },
            "required": ["location"],
        },
    },
}
SEARCH_TOOL = {
    "type": "function",
    "function": {
        "name": "search",
        "description": "Search the web for \"exact phrases\" and more",
        "parameters": {"type": "object", "properties": {"query": {"type": "string", "description": "  The query  "}},
                       "required": ["query"]},
    },
}
FEW_SHOT = [
    msg("system", "The following are multiple choice questions about anatomy. Answer with the letter only."),
    msg("user", "Which bone is in the arm?\nA. Femur\nB. Humerus\nC. Tibia\nD. Fibula\nAnswer:"),
    msg("assistant", "B"),
    msg("user", "Which organ pumps blood?\nA. Liver\nB. Lung\nC. Heart\nD. Kidney\nAnswer:"),
    msg("assistant", "C"),
    msg("user", "How many chambers has the human heart?\nA. 2\nB. 3\nC. 4\nD. 5\nAnswer:"),
]
SPECIAL = ("Quotes: 'single' \"double\" `back` \\backslash\\ \\n not a newline.\n"
           "Jinja-looking text: {{ bos_token }} {% if x %} {# note #}\n"
           "Tab\there, CRLF\r\nunicode: naïve café — ∑ 😀 \u00a0nbsp\u3000ideographic   \n\n")

# Each case: name -> variables (messages, add_generation_prompt and any extra keyword the template may read).
CASES = {
    "system_user": {"messages": [SYSTEM, msg("user", "What is the capital of France?")], "add_generation_prompt": True},
    "system_user_no_generation_prompt": {"messages": [SYSTEM, msg("user", "What is the capital of France?")],
                                         "add_generation_prompt": False},
    "user_only": {"messages": [msg("user", "Hello!")], "add_generation_prompt": True},
    "multi_turn": {"messages": [SYSTEM, msg("user", "Hi, who are you?"), msg("assistant", "I am an assistant."),
                                msg("user", "What can you do?")], "add_generation_prompt": True},
    "multi_turn_no_system": {"messages": [msg("user", "2+2?"), msg("assistant", "4"), msg("user", "And 3+3?")],
                             "add_generation_prompt": True},
    "ends_with_assistant": {"messages": [msg("user", "Say yes."), msg("assistant", "Yes.")],
                            "add_generation_prompt": False},
    "few_shot": {"messages": FEW_SHOT, "add_generation_prompt": True},
    "chinese": {"messages": [msg("system", "你是一个乐于助人的助手。"), msg("user", "中国的首都是哪里？请用一句话回答。"),
                             msg("assistant", "中国的首都是北京。"), msg("user", "为什么？")],
                "add_generation_prompt": True},
    "special_characters": {"messages": [msg("system", "  " + SPECIAL), msg("user", SPECIAL),
                                        msg("assistant", "\n\n" + SPECIAL), msg("user", "\t" + SPECIAL)],
                           "add_generation_prompt": True},
    "whitespace_and_empty": {"messages": [msg("user", "   padded   \n\n"), msg("assistant", ""),
                                          msg("user", "")], "add_generation_prompt": True},
    "reasoning_history": {"messages": [msg("user", "Is 7 prime?"),
                                       msg("assistant", "<think>\nDivisors of 7: 1 and 7.\n</think>\n\nYes, 7 is prime."),
                                       msg("user", "And 9?")], "add_generation_prompt": True},
    "thinking_disabled": {"messages": [msg("user", "Quick: capital of Japan?")], "add_generation_prompt": True,
                          "enable_thinking": False},
    "tools": {"messages": [SYSTEM, msg("user", "What's the weather in Paris?")], "add_generation_prompt": True,
              "tools": [WEATHER_TOOL, SEARCH_TOOL]},
    "tools_no_system": {"messages": [msg("user", "Search for \"jinja\".")], "add_generation_prompt": True,
                        "tools": [SEARCH_TOOL]},
    "consecutive_user_turns": {"messages": [msg("user", "First."), msg("user", "Second.")],
                               "add_generation_prompt": True},
    "assistant_first": {"messages": [msg("assistant", "I speak first."), msg("user", "OK.")],
                        "add_generation_prompt": True},
    "system_after_first_turn": {"messages": [msg("user", "Hi."), msg("assistant", "Hello."),
                                             msg("system", "Be brief."), msg("user", "Bye.")],
                                "add_generation_prompt": True},
    "unknown_role": {"messages": [msg("user", "Run it."), msg("tool", "42")], "add_generation_prompt": True},
}
# The conversations every published template gets, unless its manifest entry names its own "cases".
PUBLISHED_CASES = list(CASES)

# Cases for the probe templates (written for these tests, not published): awkward values for Python's semantics.
PROBE_STRINGS = ["  hello world  ", "a\tb\nc\r\nd\n", "xx<abc>xx", "ÉCOLE élève ß straße", "ǆungla ǅ title",
                 "they're bill's friends from the UK", "123 ٣ ² ½", "", " ", "\u3000全角\u3000", "😀 emoji 😀a",
                 "a,b,,c", "aaa", "İstanbul ΣΑΣ", "line1\u2028line2\x1cx\x85y\x0bz", "O'Brien said \"hi\"",
                 "back\\slash", "\x00\x07\x7f control", "\u00a0nbsp\u00a0", "mixed-CASE (words) [here] <x>y"]
PROBE_DATA = {"b": 1, "a": [1, 2.5, True, None, "x"], "ü": {"nested": "q\"uote\n", "t": "it's"}, "e": {}, "l": [],
              "f": 1e-07, "g": 1e16, "h": 123456789012.0, "i": 12345678901234567890, "n": -0.0}
PROBE_FLOATS = [0.1, 1.0, -2.5, 1e-05, 0.0001, 1e15, 1e16, 1.5e300, 5e-324, 2.675, 1 / 3, 100.0, 123456.789e3]
_random = random.Random(20240726)  # floats from random bit patterns and of every magnitude, for repr's corner cases
PROBE_FLOATS += [struct.unpack("<d", struct.pack("<Q", _random.getrandbits(64)))[0] for _ in range(150)]
PROBE_FLOATS += [_random.uniform(-1, 1) * 10.0 ** _random.randint(-20, 20) for _ in range(150)]
PROBE_FLOATS = [f for f in PROBE_FLOATS if math.isfinite(f)]  # JSON has no NaN or infinity
PROBE_ERRORS = ["empty_separator", "no_such_method", "list_append", "dict_update", "startswith_int", "zero_step",
                "index_missing", "join_ints", "items_of_string", "too_many_arguments", "raise"]
PROBE = [msg("user", "probe")]
CASES["probe_strings"] = {"messages": PROBE, "add_generation_prompt": False, "values": PROBE_STRINGS}
CASES["probe_values"] = {"messages": PROBE, "add_generation_prompt": False, "data": PROBE_DATA,
                         "floats": PROBE_FLOATS, "values": [1, 2, 3]}
CASES["probe_syntax"] = {"messages": [SYSTEM, msg("user", "probe"), msg("assistant", "ok"), msg("user", "again")],
                         "add_generation_prompt": False}
for which in PROBE_ERRORS:
    CASES["probe_error_" + which] = {"messages": PROBE, "add_generation_prompt": False, "which": which}


def main():
    env = environment()
    manifest = json.loads((RESOURCES / "templates.json").read_text(encoding="utf-8"))
    lines = []
    for entry in manifest["templates"]:
        source = (RESOURCES / entry["file"]).read_text(encoding="utf-8")
        special_tokens = entry["special_tokens"]
        for case, variables in CASES.items():
            if case not in entry.get("cases", PUBLISHED_CASES):
                continue
            variables = {**variables, **entry.get("variables", {})}
            record = {"template": entry["name"], "case": case, "special_tokens": special_tokens,
                      "variables": variables}
            try:
                record["expected"] = render(env, source, special_tokens, variables)
            except jinja2.exceptions.TemplateError as e:
                # raise_exception raises the bare TemplateError; Jinja2's own errors are its subclasses.
                kind = "raise_exception" if type(e) is jinja2.exceptions.TemplateError else type(e).__name__
                record["error"] = {"type": kind, "message": str(e)}
            except Exception as e:  # what Python itself raises inside a template (TypeError, ...)
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            lines.append(json.dumps(record, ensure_ascii=False))
    out = RESOURCES / "fixtures.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} fixtures -> {out} (jinja2 {jinja2.__version__}, transformers@{TRANSFORMERS_COMMIT[:8]})",
          file=sys.stderr)


if __name__ == "__main__":
    main()
