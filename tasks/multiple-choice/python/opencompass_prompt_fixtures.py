"""Runs OpenCompass's own prompt-building code on C-Eval and CMMLU items and records the prompts it would send, for the
Java test that checks Proctor builds the same prompts for the generation configs ceval_gen_5f30c7 and cmmlu_gen_c13365.

The upstream code is run, not rewritten, from a checkout of open-compass/opencompass (a5acc4bb):
- the configs opencompass/configs/datasets/ceval/ceval_gen_5f30c7.py and cmmlu/cmmlu_gen_c13365.py are exec'd as they
  are, and their dataset dicts for the subjects below are used (the path is replaced by the local data directory);
- the dataset is built the way OpenCompass builds it (build_dataset_from_cfg: the config minus infer_cfg/eval_cfg,
  passed to CEvalDataset/CMMLUDataset from opencompass/datasets/{ceval,cmmlu}.py, whose load() reads the CSVs, and
  BaseDataset from opencompass/datasets/base.py, which wraps them in openicl's DatasetReader: train_split 'dev',
  test_split 'val' or 'test'); the loaders strip nothing: C-Eval rows are dict(zip(header, row)) with 'explanation' and
  'answer' defaulted to '', CMMLU rows take columns 1..6 as question, A, B, C, D, answer;
- PromptTemplate (openicl/icl_prompt_template.py) is built from the config's ice_template, FixKRetriever
  (icl_retriever/icl_fix_k_retriever.py, BaseRetriever.generate_ice / generate_prompt_for_generate_task) from its
  retriever dict, with fix_id_list [0..4] for 5 shots and [] for 0 shots (checked equal to ZeroRetriever's prompts);
- GenInferencer.get_generation_prompt_list_from_retriever_indices (icl_inferencer/icl_gen_inferencer.py) turns the
  retrieved indices into PromptLists, with max_seq_len None (OpenCompass passes the model config's max_seq_len, which
  the stock HF model configs do not set). Its dropping rule when max_seq_len is set: the prompt's length is
  model.get_token_len_from_template(prompt, mode='gen'), i.e. the model's get_token_len of the parsed prompt (a base
  HuggingFaceBaseModel: tokenizer(text, add_special_tokens=True) tokens; a HuggingFacewithChatTemplate:
  apply_chat_template(messages, add_generation_prompt=True) tokens), and while it exceeds max_seq_len and examples
  remain, the LAST in-context example is dropped (ice_idx[:-1]) and the prompt rebuilt;
- the prompts are then sent through BaseModel.generate_from_template of two models from
  opencompass/models/huggingface_above_v4_33.py, made without loading weights (template_parser set as their __init__
  sets it) and with a tokenizer stub that records what generate() hands it: HuggingFaceBaseModel (LMTemplateParser()
  without a meta template, then _convert_base_messages) gives "base", the string it tokenizes (checked equal to
  LMTemplateParser(None).parse_template(prompt, 'gen')); HuggingFacewithChatTemplate (APITemplateParser with
  _get_meta_template(None)'s default template, then _convert_chat_messages with its defaults) gives "chat", the
  messages it passes to apply_chat_template.
Only what is missing from Debian's python3 is stubbed: mmengine, tqdm, transformers, Hugging Face `datasets` (a list of
row dicts with from_list/map/select), the registries (no-op register_module), OpenCompass's logger, get_data_path (the
identity, as upstream's is for an absolute path) and the evaluator/postprocessor names the configs import. Needs
python3-torch and python3-numpy.

  /usr/bin/python3 tasks/multiple-choice/python/opencompass_prompt_fixtures.py OPENCOMPASS_CHECKOUT CEVAL_EXAM_DIR \
      CMMLU_DIR OUT

CEVAL_EXAM_DIR holds {dev,val,test}/<subject>_<split>.csv, CMMLU_DIR {dev,test}/<subject>.csv. The test's copy is
harness/cli/src/test/resources/dev/proctor/cli/opencompass/opencompass-prompts.jsonl.
"""
import copy
import importlib
import json
import logging
import os
import sys
import tempfile
import types

CASES = [("ceval_gen_5f30c7", "ceval", ["computer_network", "high_school_chemistry"]),
         ("cmmlu_gen_c13365", "cmmlu", ["agronomy", "anatomy"])]
ITEMS = 2


def module(name, package_dir=None, **attrs):
    m = types.ModuleType(name)
    if package_dir is not None:
        m.__path__ = [package_dir]  # submodules load from the checkout; the package's __init__ is not run
    m.__dict__.update(attrs)
    sys.modules[name] = m
    return m


class Registry:
    def register_module(self, *args, **kwargs):
        return lambda cls: cls


class Dataset:
    """The part of datasets.Dataset that the loaders, BaseDataset, DatasetReader and the retrievers use."""

    def __init__(self, rows):
        self.rows = rows

    @classmethod
    def from_list(cls, rows):
        return cls([dict(r) for r in rows])

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, key):
        if isinstance(key, str):
            return [r[key] for r in self.rows]
        return dict(self.rows[key])

    def __iter__(self):
        return (dict(r) for r in self.rows)

    def map(self, fn, with_indices=False, **kwargs):
        return Dataset([{**r, **(fn(r, i) if with_indices else fn(r))} for i, r in enumerate(self.rows)])

    def select(self, indices):
        return Dataset([self.rows[i] for i in indices])


class Captured(Exception):
    pass


class CapturingTokenizer:
    """Stops generate() at its tokenizer call and hands back what generate() passed to it."""

    def apply_chat_template(self, messages, **kwargs):  # called once per prompt
        raise Captured([messages])

    def batch_encode_plus(self, texts, **kwargs):  # called once per batch
        raise Captured(texts)


def data_path(path, local_mode=False):
    assert os.path.isabs(path), path  # upstream's get_data_path returns an absolute path as it is
    return path


def install_stubs(checkout):
    oc = os.path.join(checkout, "opencompass")
    module("mmengine", dist=module("mmengine.dist", is_main_process=lambda: True, get_rank=lambda: 0))
    module("mmengine.config", ConfigDict=dict, Config=dict)
    module("mmengine.device", is_npu_available=lambda: False)
    module("tqdm", tqdm=lambda it=None, **kw: it, trange=lambda *a, **kw: range(*a))
    module("transformers", AutoTokenizer=None)
    module("datasets", Dataset=Dataset, DatasetDict=dict,
           concatenate_datasets=lambda parts: Dataset([r for p in parts for r in p.rows]))
    registry = module("opencompass.registry")
    registry.__getattr__ = lambda name: Registry()
    module("opencompass", oc)
    module("opencompass.utils", os.path.join(oc, "utils"), get_logger=lambda *a, **kw: logging.getLogger("oc"),
           get_data_path=data_path, batched=None)
    module("opencompass.utils.logging", get_logger=lambda *a, **kw: logging.getLogger("oc"))
    module("opencompass.utils.text_postprocessors").__getattr__ = lambda name: name
    module("opencompass.openicl", os.path.join(oc, "openicl"))
    module("opencompass.openicl.utils", os.path.join(oc, "openicl", "utils"))
    module("opencompass.openicl.icl_evaluator").__getattr__ = lambda name: name
    retrievers = module("opencompass.openicl.icl_retriever", os.path.join(oc, "openicl", "icl_retriever"))
    inferencers = module("opencompass.openicl.icl_inferencer", os.path.join(oc, "openicl", "icl_inferencer"))
    module("opencompass.models", os.path.join(oc, "models"))
    datasets = module("opencompass.datasets", os.path.join(oc, "datasets"))
    load = importlib.import_module
    sys.modules["opencompass.openicl"].DatasetReader = load("opencompass.openicl.icl_dataset_reader").DatasetReader
    retrievers.BaseRetriever = load("opencompass.openicl.icl_retriever.icl_base_retriever").BaseRetriever
    retrievers.FixKRetriever = load("opencompass.openicl.icl_retriever.icl_fix_k_retriever").FixKRetriever
    retrievers.ZeroRetriever = load("opencompass.openicl.icl_retriever.icl_zero_retriever").ZeroRetriever
    inferencers.GenInferencer = load("opencompass.openicl.icl_inferencer.icl_gen_inferencer").GenInferencer
    datasets.CEvalDataset = load("opencompass.datasets.ceval").CEvalDataset
    datasets.CMMLUDataset = load("opencompass.datasets.cmmlu").CMMLUDataset


def config_datasets(checkout, name, prefix):
    path = os.path.join(checkout, "opencompass", "configs", "datasets", prefix, name + ".py")
    namespace = {"__name__": name}
    with open(path, encoding="utf-8") as f:
        exec(compile(f.read(), path, "exec"), namespace)
    return {cfg["name"]: cfg for cfg in namespace[prefix + "_datasets"]}


def build(cfg, **kwargs):
    cfg = dict(cfg, **kwargs)
    return cfg.pop("type")(**cfg)


def captured(model, prompt):
    try:
        model.generate_from_template([prompt], max_out_len=1)
    except Captured as c:
        return c.args[0][0]
    raise AssertionError("generate() did not reach its tokenizer")


def main():
    checkout, ceval_dir, cmmlu_dir, out = sys.argv[1:5]
    install_stubs(checkout)
    hf = importlib.import_module("opencompass.models.huggingface_above_v4_33")
    LMTemplateParser = importlib.import_module("opencompass.models.base").LMTemplateParser
    ZeroRetriever = sys.modules["opencompass.openicl.icl_retriever"].ZeroRetriever
    GenInferencer = sys.modules["opencompass.openicl.icl_inferencer"].GenInferencer

    base = hf.HuggingFaceBaseModel.__new__(hf.HuggingFaceBaseModel)
    base.template_parser, base.max_seq_len, base.drop_middle = LMTemplateParser(), None, False
    chat = hf.HuggingFacewithChatTemplate.__new__(hf.HuggingFacewithChatTemplate)
    chat.template_parser, chat.max_seq_len, chat.fastchat_template = hf._get_meta_template(None), None, None
    base.tokenizer = chat.tokenizer = CapturingTokenizer()

    data_dirs = {"ceval": os.path.abspath(ceval_dir), "cmmlu": os.path.abspath(cmmlu_dir)}
    rows = []
    with tempfile.TemporaryDirectory() as work:
        inferencer = GenInferencer(model=base, max_out_len=None, output_json_filepath=work)
        for config, prefix, subjects in CASES:
            cfgs = config_datasets(checkout, config, prefix)
            for subject in subjects:
                dataset_cfg = copy.deepcopy(cfgs[subject])
                infer_cfg = dataset_cfg.pop("infer_cfg")
                dataset_cfg.pop("eval_cfg")
                dataset = build(dataset_cfg, path=data_dirs[prefix])
                ice_template = build(infer_cfg["ice_template"])
                for shots in (5, 0):
                    fix_id_list = infer_cfg["retriever"]["fix_id_list"][:shots]
                    retriever = build(infer_cfg["retriever"], dataset=dataset, fix_id_list=fix_id_list)
                    prompts = inferencer.get_generation_prompt_list_from_retriever_indices(
                        retriever.retrieve()[:ITEMS], retriever, inferencer.gen_field_replace_token,
                        max_seq_len=None, ice_template=ice_template)
                    if shots == 0:
                        zero = ZeroRetriever(dataset)
                        assert prompts == inferencer.get_generation_prompt_list_from_retriever_indices(
                            zero.retrieve()[:ITEMS], zero, "", ice_template=ice_template)
                    base_prompts = [captured(base, p) for p in prompts]
                    assert base_prompts == [LMTemplateParser(None).parse_template(p, mode="gen") for p in prompts]
                    rows.append({"config": config, "subject": subject, "shots": shots, "base": base_prompts,
                                 "chat": [captured(chat, p) for p in prompts]})
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} cases to {out}")


if __name__ == "__main__":
    main()
