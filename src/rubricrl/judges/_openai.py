"""OpenAI-compatible chat-completions judge over one pooled aiohttp session.

Works with vLLM, SGLang, llama.cpp's server and hosted APIs: the reply format is requested with
the standard ``response_format={"type": "json_schema", ...}`` field. One ``ClientSession`` per
judge (opened lazily, closed by :meth:`aclose` / ``async with``) owns the keep-alive pool;
concurrency comes from the engine's semaphore and the connector limit, never more sessions.
aiohttp was measured here at ~3,500 requests/s vs ~100-260 for httpx (ENVIRONMENT.md).
Structured output forms (``structured_output``, or ``$RUBRICRL_STRUCTURED_OUTPUT``): ``json_schema``
is the standard OpenAI form (vLLM, SGLang, OpenAI, llama.cpp's C++ ``llama-server``);
``json_object`` is ``{"type": "json_object", "schema": ...}``, the only form that the Python
``llama_cpp.server`` (llama-cpp-python 0.3.36) honours: its request model types
``response_format.type`` as ``Literal["text", "json_object"]`` and answers the standard form
with a validation error sent as HTTP 500. The default, ``auto``, sends ``json_schema`` and, if
the server rejects ``response_format`` (HTTP 400/422/500 naming it), switches this judge to
``json_object`` and resends; an explicitly chosen form that is rejected fails at once
(``response_format_rejected``, not retryable) instead of being retried.
The API key comes from ``RUBRICRL_API_KEY`` (or the constructor) and is never logged: it lives
only in the Authorization header, and ``repr``/``id`` omit it.
"""

from __future__ import annotations

import json
import logging
import math
import os
import time
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp

from rubricrl.judges._protocol import BaseJudge, JudgeCall, JudgeError, JudgeReply

API_KEY_ENV = "RUBRICRL_API_KEY"
STRUCTURED_OUTPUT_ENV = "RUBRICRL_STRUCTURED_OUTPUT"
STRUCTURED_OUTPUT_FORMS = ("auto", "json_schema", "json_object", "none")
_LOG = logging.getLogger(__name__)
MAX_RESPONSE_BYTES = 4 * 1024 * 1024
#: Longest Retry-After we pass on: a server asking for hours must not stall a training step.
MAX_RETRY_AFTER_S = 600.0


def _retry_after_s(headers: Any) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP-date), or None if unusable."""
    value = headers.get("Retry-After")
    if value is None:
        return None
    seconds: float | None
    try:
        seconds = float(value)
    except ValueError:
        seconds = _seconds_until(value)
    if seconds is None or not math.isfinite(seconds):
        return None
    return min(max(0.0, seconds), MAX_RETRY_AFTER_S)


def _seconds_until(http_date: str) -> float | None:
    try:
        return parsedate_to_datetime(http_date).timestamp() - time.time()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


async def _read_limited(http_response: aiohttp.ClientResponse) -> bytes:
    """The whole body, or JudgeError if it exceeds MAX_RESPONSE_BYTES.

    ``StreamReader.read(n)`` returns whatever has arrived (often one chunk), not n bytes, so a
    large reply must be read to EOF in a loop.
    """
    chunks: list[bytes] = []
    size = 0
    async for chunk in http_response.content.iter_any():
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise JudgeError(
                "response_too_large", f"over {MAX_RESPONSE_BYTES} bytes", retryable=False
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _classify_status(status: int, body: str, headers: Any) -> JudgeError:
    snippet = " ".join(body.split())[:200]
    if status == 429:
        return JudgeError(
            "http_429", snippet, retryable=True, retry_after_s=_retry_after_s(headers)
        )
    if status >= 500:
        return JudgeError(
            f"http_{status}", snippet, retryable=True, retry_after_s=_retry_after_s(headers)
        )
    if status in (401, 403):
        return JudgeError("auth_failed", f"HTTP {status}", retryable=False)
    return JudgeError(f"http_{status}", snippet, retryable=status in (408, 409))


class OpenAIJudge(BaseJudge):
    """A judge behind any OpenAI-compatible ``/v1/chat/completions`` endpoint."""

    def __init__(
        self,
        model: str,
        base_url: str,
        *,
        api_key: str | None = None,
        timeout_s: float = 60.0,
        max_concurrency: int = 256,
        structured_output: str | None = None,
    ) -> None:
        """Create the judge; nothing connects until the first call.

        Args:
            model: Model name sent in each request.
            base_url: The server's ``/v1`` URL, e.g. ``http://127.0.0.1:8000/v1``.
            api_key: Bearer token; defaults to ``$RUBRICRL_API_KEY``.
            timeout_s: Per-call total timeout.
            max_concurrency: Pool size (connections) and the engine's concurrency bound.
            structured_output: ``auto`` (default: ``json_schema``, falling back to
                ``json_object`` if the server rejects it), ``json_schema`` (standard),
                ``json_object`` (``{"type": "json_object", "schema": ...}``, what
                ``llama_cpp.server`` honours) or ``none``. Defaults to
                ``$RUBRICRL_STRUCTURED_OUTPUT``, else ``auto``.

        Raises:
            ValueError: On an unknown ``structured_output`` form (one-line message).
        """
        self.model = model
        self.base_url = base_url.rstrip("/")
        self.id = f"openai:{model}@{self.base_url}"
        self.max_concurrency = max_concurrency
        self.timeout_s = timeout_s
        self.structured_output = _structured_output_form(structured_output)
        self._api_key = api_key if api_key is not None else os.environ.get(API_KEY_ENV)
        self._session: aiohttp.ClientSession | None = None
        self.sessions_opened = 0

    def __repr__(self) -> str:
        return f"OpenAIJudge(model={self.model!r}, base_url={self.base_url!r})"

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.max_concurrency, keepalive_timeout=60)
            headers = {"Content-Type": "application/json"}
            if self._api_key:
                headers["Authorization"] = f"Bearer {self._api_key}"
            self._session = aiohttp.ClientSession(
                connector=connector,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=self.timeout_s),
                # An API client needs no cookies; skipping the jar saves CPU on every request.
                cookie_jar=aiohttp.DummyCookieJar(),
            )
            self.sessions_opened += 1
        return self._session

    def _payload(self, call: JudgeCall) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "model": self.model,
            "messages": list(call.messages),
            "max_tokens": call.max_tokens,
            "temperature": call.temperature,
        }
        if call.seed is not None:
            payload["seed"] = call.seed
        if self.structured_output in ("json_schema", "auto"):
            payload["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": call.schema_name, "schema": call.schema, "strict": True},
            }
        elif self.structured_output == "json_object":
            payload["response_format"] = {"type": "json_object", "schema": call.schema}
        return payload

    async def complete(self, call: JudgeCall) -> JudgeReply:
        """POST one chat completion; raise JudgeError classified as retryable or not.

        In ``auto`` mode a server that rejects the standard ``json_schema`` form switches this
        judge to the ``json_object`` form once, and the call is resent in that form.
        """
        sent_form = self.structured_output  # another call may switch it while this one waits
        try:
            return await self._post(call)
        except JudgeError as error:
            if sent_form == "none" or not _rejects_response_format(error):
                raise
            if sent_form != "auto":  # retrying the same form cannot help
                raise JudgeError(
                    "response_format_rejected",
                    f"the server rejects structured_output={sent_form}; set structured_output "
                    f"(or ${STRUCTURED_OUTPUT_ENV}) to another form",
                    retryable=False,
                ) from None
        if self.structured_output == "auto":
            _LOG.warning(
                "%s rejects response_format json_schema; using json_object+schema", self.base_url
            )
            self.structured_output = "json_object"
        return await self._post(call)

    async def _post(self, call: JudgeCall) -> JudgeReply:
        started = time.perf_counter()
        url = f"{self.base_url}/chat/completions"
        try:
            async with self._get_session().post(url, json=self._payload(call)) as http_response:
                body = (await _read_limited(http_response)).decode("utf-8", errors="replace")
                if http_response.status != 200:
                    raise _classify_status(http_response.status, body, http_response.headers)
        except TimeoutError:
            raise JudgeError(
                "timeout", f"no reply within {self.timeout_s} s", retryable=True
            ) from None
        except aiohttp.ClientError as error:
            raise JudgeError("connection_error", type(error).__name__, retryable=True) from None
        return _reply_from_body(body, time.perf_counter() - started)

    async def aclose(self) -> None:
        """Close the pooled session."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None


def _reply_from_body(body: str, latency_s: float) -> JudgeReply:
    try:
        data = json.loads(body)
        choice = data["choices"][0]
        text = choice["message"]["content"]
        finish_reason = choice.get("finish_reason")
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        raise JudgeError("bad_protocol", "not a chat completion", retryable=True) from None
    if not isinstance(text, str):
        # A refusal field or tool call instead of content: the grade is missing, not zero.
        raise JudgeError("no_content", "reply has no text content", retryable=True)
    usage = data.get("usage")
    usage = usage if isinstance(usage, dict) else {}
    return JudgeReply(
        text=text,
        prompt_tokens=_token_count(usage.get("prompt_tokens")),
        completion_tokens=_token_count(usage.get("completion_tokens")),
        latency_s=latency_s,
        finish_reason=finish_reason if isinstance(finish_reason, str) else None,
    )


def _structured_output_form(requested: str | None) -> str:
    form = requested or os.environ.get(STRUCTURED_OUTPUT_ENV) or "auto"
    if form not in STRUCTURED_OUTPUT_FORMS:
        raise ValueError(
            f"structured_output must be one of {', '.join(STRUCTURED_OUTPUT_FORMS)}, not {form!r}"
        )
    return form


def _rejects_response_format(error: JudgeError) -> bool:
    """Whether an HTTP error says the server does not accept our ``response_format``.

    ``llama_cpp.server`` 0.3.36 reports its request-validation errors as HTTP 500 (its error
    handler wraps FastAPI's ``RequestValidationError``), others use 400 or 422.
    """
    statuses = ("http_400", "http_422", "http_500")
    return error.reason in statuses and "response_format" in str(error)


def _token_count(value: Any) -> int:
    """A usage count; anything but a non-negative integer (a server bug) counts as unknown (0)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0
