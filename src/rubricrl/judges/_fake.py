"""A fake judge that answers from the reply schema: offline, deterministic, instant.

Policies: ``approve`` (highest tier / true everywhere: the worst case for reward hacking, since
it rewards anything), ``reject`` (lowest tier / false), ``random`` (seeded by the call content,
so a rerun gives the same grades). ``scripted`` replays given reply texts or a callable, for
tests of parsing, retries and abstention. It exercises the same parsing path as a real judge.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import random
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

from rubricrl.judges._protocol import BaseJudge, JudgeCall, JudgeError, JudgeReply

FakePolicy = Literal["approve", "reject", "random"]
_FENCE = re.compile(r"DATA-[0-9a-f]{16}")
Script = Callable[[JudgeCall], str | JudgeReply | Exception]


def _reply_from_schema(
    schema: dict[str, Any], choose: Callable[[list[Any]], Any], root: dict[str, Any]
) -> Any:
    if "$ref" in schema:
        return _reply_from_schema(_resolve_ref(root, schema["$ref"]), choose, root)
    if "enum" in schema:
        return choose(list(schema["enum"]))
    options = schema.get("anyOf") or schema.get("oneOf")
    if options:
        # Optional fields (pydantic's ``X | None``): answer the non-null branch.
        usable = [option for option in options if option.get("type") != "null"] or options
        return _reply_from_schema(usable[0], choose, root)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((name for name in kind if name != "null"), "null")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: _reply_from_schema(sub, choose, root) for name, sub in properties.items()}
    simple: dict[str, Any] = {"string": "", "integer": 0, "number": 0.0, "null": None}
    if kind == "boolean":
        return choose([False, True])
    if kind == "array":
        return []
    if kind in simple:
        return simple[kind]
    raise ValueError(f"fake judge cannot answer schema type {kind!r}")


def _resolve_ref(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"fake judge resolves only local $refs, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node.get(part) if isinstance(node, dict) else None
    if not isinstance(node, dict):
        raise ValueError(f"$ref {ref!r} does not name a schema")
    return node


def policy_chooser(policy: FakePolicy, key: str = "") -> Callable[[list[Any]], Any]:
    """How ``policy`` picks among options; ``random`` is seeded by ``key`` (e.g. the messages)."""
    if policy == "approve":
        return lambda options: options[-1]
    if policy == "reject":
        return lambda options: options[0]
    # The per-grading fence is random; leave it out so a rerun draws the same grades.
    content = _FENCE.sub("DATA", key)
    return random.Random(hashlib.sha256(content.encode("utf-8")).digest()).choice


def reply_from_schema(schema: dict[str, Any], policy: FakePolicy = "approve", key: str = "") -> Any:
    """A reply object valid for ``schema``: highest enum / true (approve), lowest (reject), random.

    The fake judge and :mod:`rubricrl.testing`'s fake server both answer with this, so they grade
    alike. ``key`` seeds the ``random`` policy.

    Raises:
        ValueError: On a schema type the fake cannot answer.

    >>> reply_from_schema({"type": "object", "properties": {"tier": {"enum": [0, 1, 2]}}})
    {'tier': 2}
    """
    return _reply_from_schema(schema, policy_chooser(policy, key), schema)


class FakeJudge(BaseJudge):
    """Answers every call from its schema according to ``policy`` (or replays a script).

    >>> judge = FakeJudge("approve")
    >>> call = JudgeCall(messages=(), schema={"type": "object", "properties": {
    ...     "evidence": {"type": "string"}, "tier": {"enum": [0, 1, 2]}}})
    >>> asyncio.run(judge.complete(call)).text
    '{"evidence": "", "tier": 2}'
    """

    def __init__(
        self,
        policy: FakePolicy = "approve",
        *,
        script: Iterable[str | JudgeReply | Exception] | Script | None = None,
        latency_s: float = 0.0,
        max_concurrency: int = 64,
    ) -> None:
        """Create a fake judge; ``script`` (texts, errors or a callable) overrides ``policy``."""
        if policy not in ("approve", "reject", "random"):
            raise ValueError(f"unknown fake policy {policy!r}; valid: approve, reject, random")
        self.policy = policy
        self.id = f"fake:{policy}" if script is None else "fake:scripted"
        self.max_concurrency = max_concurrency
        self.latency_s = latency_s
        self.calls: list[JudgeCall] = []
        self._script_fn: Script | None = script if callable(script) else None
        self._script_iter: Iterator[str | JudgeReply | Exception] | None = (
            iter(script) if script is not None and not callable(script) else None
        )

    def _scripted(self, call: JudgeCall) -> str | JudgeReply | Exception | None:
        if self._script_fn is not None:
            return self._script_fn(call)
        if self._script_iter is not None:
            try:
                return next(self._script_iter)
            except StopIteration:
                raise JudgeError("script_exhausted", retryable=False) from None
        return None

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """Answer from the script, else from the schema and the policy."""
        self.calls.append(call)
        if self.latency_s:
            await asyncio.sleep(self.latency_s)
        scripted = self._scripted(call)
        if isinstance(scripted, Exception):
            raise scripted
        if isinstance(scripted, JudgeReply):
            return scripted
        text = (
            scripted
            if scripted is not None
            else json.dumps(reply_from_schema(call.schema, self.policy, repr(call.messages)))
        )
        prompt_chars = sum(len(message["content"]) for message in call.messages)
        return JudgeReply(
            text=text, prompt_tokens=prompt_chars // 4, completion_tokens=len(text) // 4
        )
