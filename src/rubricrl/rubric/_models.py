"""Pydantic models for rubrics: Tier, Criterion, AggregationConfig, Rubric.

A rubric is immutable once built (``frozen``); an edit makes a new version with its own content
hash. Text fields are data: they are never rendered as templates, and template-looking syntax is
rejected at load time so that a rubric cannot smuggle instructions into a prompt template.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

Identifier = Annotated[
    str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$", strict=True)
]
MAX_TEXT_CHARS = 8_000
MAX_CRITERIA = 256
MAX_TIERS = 16

# Template syntax of the common engines (Jinja, Django, str.format-style fields, shell/JS
# interpolation). Rubric text is never rendered, but a rubric that contains such syntax is almost
# always a sign of copy-pasted templates or an injection attempt, so we refuse it loudly.
_TEMPLATE_SYNTAX = re.compile(r"\{\{|\}\}|\{%|%\}|\$\{|<%|%>")


def _check_text(value: str) -> str:
    if _TEMPLATE_SYNTAX.search(value):
        raise ValueError(
            "template syntax ({{ }}, {% %}, ${ }, <% %>) is not allowed in rubric text"
        )
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed in rubric text")
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_CHARS)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Tier(_Frozen):
    """One ordered anchor of a tiered criterion: an integer score and what earns it."""

    score: int = Field(ge=-1000, le=1000, description="Tier score; higher is better.")
    description: Text = Field(description="What a response at this tier looks like.")

    _text = field_validator("description")(_check_text)


class VerifierSpec(_Frozen):
    """A programmatic check, by registered name, with its keyword arguments."""

    name: Identifier = Field(description="Registered verifier name, e.g. 'word_count'.")
    args: dict[str, Any] = Field(default_factory=dict, description="Keyword arguments.")


class Criterion(_Frozen):
    """One thing a rubric checks.

    ``kind`` decides how it is graded: ``tiered`` (the judge picks one of ``tiers``), ``binary``
    (the judge answers true/false), ``verifier`` (a programmatic check, no judge call). A negative
    ``weight`` makes a pitfall: a score of 1 means "the pitfall is present" and costs reward. A
    ``veto`` criterion is a hard constraint: it carries no weight, and scoring below the veto
    threshold sets the whole reward to the rubric's veto value.
    """

    id: Identifier = Field(description="Unique id within the rubric.")
    description: Text = Field(description="What the criterion checks, for the judge and humans.")
    kind: Literal["tiered", "binary", "verifier"] = Field(
        default="binary", description="How the criterion is graded."
    )
    weight: float = Field(default=1.0, ge=-100, le=100, description="Negative = pitfall.")
    tiers: tuple[Tier, ...] = Field(default=(), description="Ordered anchors (tiered only).")
    verifier: VerifierSpec | None = Field(default=None, description="Check (verifier only).")
    veto: bool = Field(default=False, description="Hard constraint; carries no weight.")
    veto_threshold: float | None = Field(
        default=None, ge=0, le=1, description="Override of the rubric's veto threshold."
    )
    tags: tuple[str, ...] = Field(default=(), description="Free-form labels.")

    _text = field_validator("description")(_check_text)

    @model_validator(mode="after")
    def _kind_fields_match(self) -> Criterion:
        if self.kind == "tiered":
            if not 2 <= len(self.tiers) <= MAX_TIERS:
                raise ValueError(f"a tiered criterion needs 2 to {MAX_TIERS} tiers")
            scores = [tier.score for tier in self.tiers]
            if any(b <= a for a, b in zip(scores, scores[1:], strict=False)):
                raise ValueError("tier scores must be strictly increasing")
        elif self.tiers:
            raise ValueError(f"only tiered criteria have tiers (kind is {self.kind!r})")
        if (self.kind == "verifier") != (self.verifier is not None):
            raise ValueError("kind 'verifier' and a 'verifier' spec go together")
        return self

    def normalize(self, raw: int | bool | float) -> float:
        """Map a raw grade (tier score, boolean or verifier fraction) onto [0, 1].

        >>> Criterion(id="c", description="d", kind="tiered", tiers=[
        ...     Tier(score=0, description="bad"), Tier(score=4, description="good")]).normalize(1)
        0.25
        """
        if self.kind == "tiered":
            low, high = self.tiers[0].score, self.tiers[-1].score
            return (float(raw) - low) / (high - low)
        return float(raw)

    @property
    def tier_scores(self) -> list[int]:
        """The allowed tier scores, ascending (empty unless tiered)."""
        return [tier.score for tier in self.tiers]


class Interaction(_Frozen):
    """A declared dependency between two criteria (see aggregation docs for the formula)."""

    a: Identifier
    b: Identifier
    gamma: float = Field(ge=-10, le=10, description="Strength; negative for a conflict.")
    kind: Literal["min", "product"] = Field(
        default="min", description="'min': both needed; 'product': synergy."
    )


class Shaping(_Frozen):
    """A final monotone map on the aggregated reward."""

    kind: Literal["power", "piecewise"]
    p: float = Field(default=1.0, gt=0, le=10, description="Exponent for 'power'.")
    knots: tuple[tuple[float, float], ...] = Field(
        default=(), description="(x, y) points for 'piecewise', from (0, 0) to (1, 1)."
    )

    @model_validator(mode="after")
    def _knots_monotone(self) -> Shaping:
        if self.kind != "piecewise":
            return self
        knots = self.knots
        if len(knots) < 2 or knots[0] != (0.0, 0.0) or knots[-1] != (1.0, 1.0):
            raise ValueError("piecewise knots must start at (0, 0) and end at (1, 1)")
        for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
            if x1 <= x0 or y1 < y0:
                raise ValueError("piecewise knots must increase in x and not decrease in y")
        return self


class AggregationConfig(_Frozen):
    """How criterion scores become one reward; every formula is in docs/aggregation.md."""

    method: Literal["weighted", "saturation"] = Field(
        default="weighted", description="Base combiner of weighted criterion scores."
    )
    saturation_k: float = Field(default=3.0, gt=0, le=50, description="Curvature k.")
    interactions: tuple[Interaction, ...] = Field(default=())
    shaping: Shaping | None = Field(default=None)
    veto_threshold: float = Field(default=0.5, ge=0, le=1)
    veto_value: float = Field(default=0.0, ge=0, le=1)
    min_coverage: float = Field(
        default=0.8, ge=0, le=1, description="Scored share of |weights| needed for a reward."
    )


class Provenance(_Frozen):
    """Where a rubric version came from."""

    source: Literal["human", "llm", "hybrid"] = "human"
    parent_id: str | None = None
    parent_version: str | None = None
    parent_hash: str | None = None
    note: str | None = Field(default=None, max_length=MAX_TEXT_CHARS)


class Rubric(_Frozen):
    """A versioned set of criteria plus the rule that aggregates them.

    >>> r = Rubric(id="demo", criteria=[Criterion(id="c1", description="Is polite.")])
    >>> len(r.content_hash)
    64
    """

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    id: Identifier
    version: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._-]{1,32}$")] = "1"
    description: str = Field(default="", max_length=MAX_TEXT_CHARS)
    granularity: Literal["dataset", "task", "instance"] = "dataset"
    task: str | None = Field(default=None, max_length=128, description="Task type (task level).")
    prompt_id: str | None = Field(default=None, max_length=256, description="Instance level.")
    criteria: tuple[Criterion, ...] = Field(min_length=1, max_length=MAX_CRITERIA)
    aggregation: AggregationConfig = Field(default_factory=AggregationConfig)
    defense: bool = Field(default=False, description="Add the shipped defense rubric as a veto.")
    tags: tuple[str, ...] = ()
    provenance: Provenance = Field(default_factory=Provenance)

    _text = field_validator("description")(_check_text)

    @model_validator(mode="after")
    def _references_resolve(self) -> Rubric:
        ids = [criterion.id for criterion in self.criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate criterion ids: {', '.join(duplicates)}")
        for interaction in self.aggregation.interactions:
            for ref in (interaction.a, interaction.b):
                if ref not in ids:
                    raise ValueError(f"interaction names unknown criterion {ref!r}")
        if not any(c.weight > 0 and not c.veto for c in self.criteria) and not any(
            c.veto for c in self.criteria
        ):
            raise ValueError("a rubric needs at least one positive-weight or veto criterion")
        if self.granularity == "instance" and not self.prompt_id:
            raise ValueError("an instance rubric names its prompt_id")
        return self

    @cached_property
    def content_hash(self) -> str:
        """sha256 of the canonical JSON form (sorted keys, no whitespace, UTF-8)."""
        return hashlib.sha256(self.canonical_json().encode("utf-8")).hexdigest()

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Copy with changes; the copy recomputes its content hash (never inherits a stale one)."""
        copied = super().model_copy(update=update, deep=deep)
        copied.__dict__.pop("content_hash", None)
        return copied

    def canonical_json(self) -> str:
        """The canonical serialisation the content hash is computed over."""
        payload = self.model_dump(mode="json")
        return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def criterion(self, criterion_id: str) -> Criterion:
        """Return the criterion with this id (KeyError if absent)."""
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)
