"""Fault kinds of the fake OpenAI server, how a request is assigned one, and the bad replies.

Three families: HTTP faults (a status code, a body that is not a chat completion), transport
faults (hang until the client gives up, connection reset or closed without a reply) and content
faults (a well-formed chat completion whose ``content`` does not validate against the schema).

Determinism: with ``fault_rate`` the fault of a request is a function of (seed, request body,
how many times this exact body was seen before), so the n-th retry of a call meets the same fate
on every run whatever the arrival order of concurrent requests. A ``fault_schedule`` instead
assigns faults by arrival index (deterministic for a sequential client).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal, get_args

FaultKind = Literal[
    "http_500",
    "http_503",
    "http_429",
    "http_401",
    "garbage",
    "not_completion",
    "no_content",
    "hang",
    "reset",
    "close",
    "tier_out_of_range",
    "trailing_text",
    "truncated",
    "fenced",
    "refusal",
    "empty",
    "huge",
    "missing_field",
]
FAULT_KINDS: tuple[str, ...] = get_args(FaultKind)
#: Faults whose body is a normal chat completion carrying bad ``content``.
CONTENT_FAULTS = frozenset(
    {
        "tier_out_of_range",
        "trailing_text",
        "truncated",
        "fenced",
        "refusal",
        "empty",
        "huge",
        "missing_field",
    }
)
#: The default mix for ``fault_rate``: everything except hangs (slow) and 401 (not transient).
DEFAULT_FAULT_MIX: tuple[str, ...] = tuple(
    kind for kind in FAULT_KINDS if kind not in ("hang", "http_401")
)
OK = "ok"
REFUSAL_TEXT = "I'm sorry, but I can't help with grading this response."


class FaultPlan:
    """Decides the fault (or ``"ok"``) of each chat request."""

    def __init__(
        self,
        *,
        seed: int,
        fault_rate: float,
        faults: tuple[str, ...],
        schedule: tuple[str, ...] = (),
        cycle_schedule: bool = False,
    ) -> None:
        """Create the plan; ``schedule`` entries are fault kinds or ``"ok"``."""
        self.seed = seed
        self.fault_rate = fault_rate
        self.faults = faults or DEFAULT_FAULT_MIX
        self.schedule = schedule
        self.cycle_schedule = cycle_schedule
        self._arrivals = 0
        self._seen: dict[bytes, int] = {}

    def decide(self, body: bytes) -> str:
        """The fault for the next request with this raw body (``"ok"`` for none)."""
        index = self._arrivals
        self._arrivals += 1
        if self.schedule and (self.cycle_schedule or index < len(self.schedule)):
            return self.schedule[index % len(self.schedule)]
        if self.fault_rate <= 0.0:
            return OK
        return self._by_rate(body)

    def _by_rate(self, body: bytes) -> str:
        body_key = hashlib.blake2b(body, digest_size=16).digest()
        occurrence = self._seen.get(body_key, 0)
        self._seen[body_key] = occurrence + 1
        salt = f"{self.seed}:{occurrence}".encode()
        digest = hashlib.blake2b(body_key + salt, digest_size=16).digest()
        uniform = int.from_bytes(digest[:8], "big") / 2.0**64
        if uniform >= self.fault_rate:
            return OK
        return self.faults[int.from_bytes(digest[8:], "big") % len(self.faults)]


def _invalid_value(schema: dict[str, Any]) -> Any:
    if "enum" in schema:
        options = list(schema["enum"])
        numbers = [value for value in options if isinstance(value, int | float)]
        return max(numbers) + 1 if numbers else "not-an-option"
    kind = schema.get("type")
    if kind == "object":
        return {name: _invalid_value(sub) for name, sub in schema.get("properties", {}).items()}
    if kind == "boolean":
        return "yes"
    if kind in ("integer", "number"):
        return "many"
    return ""  # free text stays valid: only the grade is off the menu


def _drop_last_field(value: Any) -> Any:
    if not isinstance(value, dict) or not value:
        return value
    keys = list(value)
    inner = value[keys[-1]]
    if isinstance(inner, dict) and inner and all(isinstance(v, dict) for v in inner.values()):
        return {**value, keys[-1]: {k: _drop_last_field(v) for k, v in inner.items()}}
    return {key: value[key] for key in keys[:-1]}


def bad_content(kind: str, schema: dict[str, Any], good: Any, huge_chars: int) -> str:
    """The ``content`` text of a content fault, built from the valid reply ``good``.

    >>> bad_content("trailing_text", {}, {"met": True}, 0)
    '{"met": true} I hope this helps!'
    """
    good_text = json.dumps(good)
    if kind == "tier_out_of_range":
        return json.dumps(_invalid_value(schema))
    if kind == "trailing_text":
        return good_text + " I hope this helps!"
    if kind == "truncated":
        return good_text[: max(1, len(good_text) // 2)]
    if kind == "fenced":
        return f"```json\n{good_text}\n```"
    if kind == "refusal":
        return REFUSAL_TEXT
    if kind == "empty":
        return ""
    if kind == "huge":
        padded = dict(good) if isinstance(good, dict) else {}
        padded["evidence"] = "x" * huge_chars
        return json.dumps(padded)
    if kind == "missing_field":
        return json.dumps(_drop_last_field(good))
    raise ValueError(f"{kind!r} is not a content fault")
