"""The Judge protocol: one required async method, defaulted hooks.

A judge turns one structured chat request (:class:`JudgeCall`) into raw reply text
(:class:`JudgeReply`). Prompt building and reply parsing live beside it (``_prompts``,
``_parsing``) so that every backend (HTTP, embedded llama.cpp, fake) is graded identically.
Failures raise :class:`JudgeError` with a reason code and whether a retry may help; the engine
decides about retries, and a failure ends as an abstention, never as a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class JudgeCall:
    """One request to a judge: chat messages plus the JSON Schema the reply must follow."""

    messages: tuple[dict[str, str], ...]
    schema: dict[str, Any]
    schema_name: str = "grade"
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int | None = 0
    metadata: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class JudgeReply:
    """What a judge answered, before parsing."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    finish_reason: str | None = None


class JudgeError(Exception):
    """A judge call failed. ``reason`` is a code such as ``timeout`` or ``http_5xx``."""

    def __init__(
        self,
        reason: str,
        message: str = "",
        *,
        retryable: bool,
        retry_after_s: float | None = None,
    ) -> None:
        """Create the error; ``retry_after_s`` carries a server's Retry-After hint."""
        super().__init__(f"{reason}: {message}" if message else reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after_s = retry_after_s


@runtime_checkable
class Judge(Protocol):
    """A grader backend. ``id`` must identify the model (it enters the cache key)."""

    id: str
    max_concurrency: int

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """Answer one call or raise :class:`JudgeError`."""
        ...

    async def aclose(self) -> None:
        """Release pooled resources (sessions, models)."""
        ...


class BaseJudge:
    """Defaults for the optional hooks; subclasses implement :meth:`complete`."""

    id: str = "judge"
    max_concurrency: int = 16

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """Answer one call (abstract)."""
        raise NotImplementedError

    async def aclose(self) -> None:
        """Nothing to release by default."""

    async def __aenter__(self) -> BaseJudge:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
