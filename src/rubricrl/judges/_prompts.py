"""Judge prompts built from versioned template files.

User text (prompt, response, rubric text) is inserted by a single-pass substitution over *our*
template, so text that looks like a placeholder is never expanded, and it is fenced between
markers that carry a random per-grading nonce the response cannot predict. The template
version enters the cache key: changing a template file means bumping ``TEMPLATE_VERSION``.

Per-criterion calls share a byte-identical prefix (system message + context with prompt and
response) and differ only in a short criterion suffix, so servers with prefix caching (vLLM,
SGLang, llama.cpp) reuse the KV cache of the prefix across the criteria of one response.
"""

from __future__ import annotations

import re
import secrets
from functools import cache
from importlib import resources
from typing import Any

from rubricrl.judges._protocol import JudgeCall
from rubricrl.rubric import Criterion, Rubric

TEMPLATE_VERSION = "v1"
EVIDENCE_MAX_CHARS = 300
_PLACEHOLDER = re.compile(r"\[\[([A-Z_]+)\]\]")


@cache
def load_template(name: str) -> str:
    """Return the text of ``templates/<name>_<TEMPLATE_VERSION>.txt``."""
    path = resources.files("rubricrl.judges") / "templates" / f"{name}_{TEMPLATE_VERSION}.txt"
    return path.read_text(encoding="utf-8")


def fill(template: str, values: dict[str, str]) -> str:
    """Replace ``[[NAME]]`` placeholders in one pass; inserted text is never rescanned.

    >>> fill("a [[X]] b", {"X": "[[X]]"})
    'a [[X]] b'
    """
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def new_fence(*texts: str) -> str:
    """A random marker that occurs in none of ``texts`` (the graded data)."""
    while True:
        fence = "DATA-" + secrets.token_hex(8)
        if not any(fence in text for text in texts):
            return fence


def criterion_schema(criterion: Criterion) -> dict[str, Any]:
    """JSON Schema of one criterion's reply: evidence first, then the enum-constrained grade."""
    evidence = {"type": "string", "maxLength": EVIDENCE_MAX_CHARS}
    if criterion.kind == "tiered":
        grade: dict[str, Any] = {"type": "integer", "enum": criterion.tier_scores}
        key = "tier"
    else:
        grade, key = {"type": "boolean"}, "met"
    return {
        "type": "object",
        "properties": {"evidence": evidence, key: grade},
        "required": ["evidence", key],
        "additionalProperties": False,
    }


def one_call_schema(criteria: list[Criterion]) -> dict[str, Any]:
    """JSON Schema of a reply that grades every criterion at once."""
    properties = {criterion.id: criterion_schema(criterion) for criterion in criteria}
    inner = {
        "type": "object",
        "properties": properties,
        "required": [criterion.id for criterion in criteria],
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {"criteria": inner},
        "required": ["criteria"],
        "additionalProperties": False,
    }


def shared_prefix(rubric: Rubric, prompt: str, response: str, fence: str) -> tuple[str, str]:
    """(system message, user-message prefix) shared by all calls for one response."""
    system = fill(load_template("system"), {"FENCE": fence})
    context = fill(
        load_template("context"),
        {
            "FENCE": fence,
            "RUBRIC_DESCRIPTION": rubric.description or "(none)",
            "PROMPT": prompt,
            "RESPONSE": response,
        },
    )
    return system, context


def criterion_suffix(criterion: Criterion) -> str:
    """The short, criterion-specific end of a per-criterion user message."""
    if criterion.kind == "tiered":
        tiers = "\n".join(f"- {tier.score}: {tier.description}" for tier in criterion.tiers)
        return fill(
            load_template("criterion_tiered"),
            {
                "CRITERION_ID": criterion.id,
                "CRITERION_DESCRIPTION": criterion.description,
                "TIERS": tiers,
            },
        )
    return fill(
        load_template("criterion_binary"),
        {"CRITERION_ID": criterion.id, "CRITERION_DESCRIPTION": criterion.description},
    )


def _reply_line(criterion: Criterion) -> str:
    if criterion.kind == "tiered":
        scores = ", ".join(str(score) for score in criterion.tier_scores)
        return fill(load_template("reply_tiered"), {"TIER_SCORES": scores})
    return load_template("reply_binary")


def per_criterion_call(
    rubric: Rubric, criterion: Criterion, prompt: str, response: str, fence: str
) -> JudgeCall:
    """Build the call that grades one criterion."""
    return per_criterion_calls(rubric, [criterion], prompt, response, fence)[0]


def per_criterion_calls(
    rubric: Rubric, criteria: list[Criterion], prompt: str, response: str, fence: str
) -> list[JudgeCall]:
    """Build one call per criterion, computing the shared prefix once."""
    system, context = shared_prefix(rubric, prompt, response, fence)
    return [
        JudgeCall(
            messages=(
                {"role": "system", "content": system},
                {"role": "user", "content": context + criterion_suffix(c) + _reply_line(c)},
            ),
            schema=criterion_schema(c),
            schema_name="criterion_grade",
            max_tokens=160,
        )
        for c in criteria
    ]


def one_call(
    rubric: Rubric, criteria: list[Criterion], prompt: str, response: str, fence: str
) -> JudgeCall:
    """Build the call that grades all ``criteria`` in one structured reply."""
    system, context = shared_prefix(rubric, prompt, response, fence)
    listing = "\n\n".join(criterion_suffix(criterion) for criterion in criteria)
    body = fill(load_template("one_call"), {"CRITERIA": listing})
    return JudgeCall(
        messages=(
            {"role": "system", "content": system},
            {"role": "user", "content": context + body},
        ),
        schema=one_call_schema(criteria),
        schema_name="rubric_grade",
        max_tokens=120 * len(criteria) + 32,
    )
