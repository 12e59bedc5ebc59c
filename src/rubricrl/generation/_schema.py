"""The JSON Schema a generating judge must follow, and its strict conversion into a Rubric.

The schema has a fixed number of criterion slots (``c1`` ... ``cN``) rather than an array: every
backend, grammar-constrained llama.cpp and the schema-driven fake included, can answer it, and
a slot the model does not need is marked ``importance: "omit"``. Every field that can be an
enum is one. Importance maps to weights the way "Rubrics as Rewards" (Gunjal et al., 2025)
labels criteria: essential 3, important 2, optional 1, pitfall -2 (a pitfall scores 1 when the
mistake is present, so it costs reward).

Conversion never repairs content: an empty or too-short description, a rubric with no positive
criterion, or anything our rubric validator refuses (template syntax, ...) is a
:class:`GenerationError` with a reason code, which the caller retries once and then records.
The one thing dropped rather than refused is a verbatim repeat of an earlier criterion (case
and final punctuation ignored): the first copy is kept.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rubricrl.rubric import Rubric, RubricError, rubric_from_data

IMPORTANCE_WEIGHTS = {"essential": 3.0, "important": 2.0, "optional": 1.0, "pitfall": -2.0}
# Enum order matters for the fake judge ("approve" picks the last option): omit comes first.
IMPORTANCE_ENUM = ["omit", "pitfall", "optional", "important", "essential"]
TIER_LABELS = ("poor", "fair", "good")
MIN_DESCRIPTION_CHARS = 12
MAX_DESCRIPTION_CHARS = 400


class GenerationError(ValueError):
    """A generated rubric that cannot be accepted; ``reason`` is a machine-readable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        """Create the error with a reason code and a short detail."""
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def _slot_schema(tiered: bool) -> dict[str, Any]:
    text = {"type": "string", "maxLength": MAX_DESCRIPTION_CHARS}
    properties: dict[str, Any] = {"description": text, "importance": {"enum": IMPORTANCE_ENUM}}
    if tiered:
        properties["tiers"] = {
            "type": "object",
            "properties": {label: dict(text) for label in TIER_LABELS},
            "required": list(TIER_LABELS),
            "additionalProperties": False,
        }
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def rubric_schema(max_criteria: int = 6, tiered: bool = False) -> dict[str, Any]:
    """JSON Schema of a generated rubric with ``max_criteria`` slots.

    >>> sorted(rubric_schema(2)["properties"]["criteria"]["properties"])
    ['c1', 'c2']
    """
    slots = {f"c{i}": _slot_schema(tiered) for i in range(1, max_criteria + 1)}
    criteria = {
        "type": "object",
        "properties": slots,
        "required": list(slots),
        "additionalProperties": False,
    }
    return {
        "type": "object",
        "properties": {
            "description": {"type": "string", "maxLength": MAX_DESCRIPTION_CHARS},
            "criteria": criteria,
        },
        "required": ["description", "criteria"],
        "additionalProperties": False,
    }


def is_degenerate(text: str, max_repeats: int = 3) -> bool:
    """Whether some pair of adjacent words occurs more than ``max_repeats`` times (a looping model).

    >>> is_degenerate("SAMPLE PROMPT 1: SAMPLE PROMPT 2: SAMPLE PROMPT 3: SAMPLE PROMPT 4:")
    True
    """
    words = [word.strip(".,:;!?").casefold() for word in text.split()]
    grams = Counter(tuple(words[i : i + 2]) for i in range(len(words) - 1))
    return bool(grams) and max(grams.values()) > max_repeats


def _clean(value: Any, field: str) -> str:
    if not isinstance(value, str):
        raise GenerationError("wrong_type", f"{field} must be a string")
    return " ".join(value.split())


def _criterion(slot: str, obj: Any, tiered: bool) -> dict[str, Any] | None:
    if not isinstance(obj, dict):
        raise GenerationError("wrong_type", f"criteria.{slot} must be an object")
    importance = obj.get("importance")
    if importance not in IMPORTANCE_ENUM:
        raise GenerationError("bad_importance", f"criteria.{slot}.importance = {importance!r}")
    description = _clean(obj.get("description"), f"criteria.{slot}.description")
    if importance == "omit":
        return None
    if len(description) < MIN_DESCRIPTION_CHARS:
        raise GenerationError("empty_description", f"criteria.{slot}: {description!r}")
    if is_degenerate(description):
        raise GenerationError("degenerate_text", f"criteria.{slot}: {description[:80]!r}")
    data: dict[str, Any] = {
        "id": slot,
        "description": description,
        "kind": "binary",
        "weight": IMPORTANCE_WEIGHTS[importance],
        "tags": [importance],
    }
    if tiered and importance != "pitfall":
        data |= {"kind": "tiered", "tiers": _tiers(slot, obj.get("tiers"))}
    return data


def _tiers(slot: str, obj: Any) -> list[dict[str, Any]]:
    if not isinstance(obj, dict):
        raise GenerationError("wrong_type", f"criteria.{slot}.tiers must be an object")
    tiers = []
    for score, label in enumerate(TIER_LABELS):
        text = _clean(obj.get(label), f"criteria.{slot}.tiers.{label}")
        if not text:
            raise GenerationError("empty_description", f"criteria.{slot}.tiers.{label}")
        tiers.append({"score": score, "description": text})
    return tiers


def _without_repeats(criteria: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Small models repeat a criterion word for word; keeping the first copy loses nothing.
    seen: set[str] = set()
    unique = []
    for criterion in criteria:
        key = criterion["description"].casefold().rstrip(".!")
        if key not in seen:
            seen.add(key)
            unique.append(criterion)
    return unique


def rubric_from_reply(obj: dict[str, Any], header: dict[str, Any], tiered: bool) -> Rubric:
    """Turn a parsed reply into a validated Rubric; ``header`` supplies id, granularity, ....

    Raises:
        GenerationError: With reason ``wrong_type``, ``bad_importance``, ``empty_description``,
            ``degenerate_text``, ``no_criteria``, ``no_positive_criterion`` or
            ``invalid_rubric``.
    """
    slots = obj.get("criteria")
    if not isinstance(slots, dict):
        raise GenerationError("wrong_type", "criteria must be an object")
    criteria = [c for slot, value in slots.items() if (c := _criterion(slot, value, tiered))]
    if not criteria:
        raise GenerationError("no_criteria", "every slot was omitted")
    criteria = _without_repeats(criteria)
    if not any(c["weight"] > 0 for c in criteria):
        raise GenerationError("no_positive_criterion", "only pitfalls were written")
    description = _clean(obj.get("description", ""), "description")
    try:
        return rubric_from_data(header | {"description": description, "criteria": criteria})
    except RubricError as error:
        raise GenerationError("invalid_rubric", str(error)) from None
