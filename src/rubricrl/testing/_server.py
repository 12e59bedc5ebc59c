"""A loopback OpenAI-compatible judge server with fault injection, for offline tests and benchmarks.

``POST /v1/chat/completions`` answers a valid chat completion whose content is a JSON reply built
from the request's schema (``response_format.json_schema.schema``, or llama.cpp's
``{"type": "json_object", "schema": ...}``) by the same policies as
:class:`rubricrl.judges.FakeJudge` (``approve`` = highest tier / true, ``reject``, ``random``),
with approximate usage counts (characters / 4). Also ``GET /v1/models``, ``GET /health``,
``GET /stats`` (counters), ``POST /stats/reset`` and ``GET /debug/requests`` (recorded bodies,
never headers). Latency is simulated with ``asyncio.sleep``; faults (see ``_faults``) are
injected by rate or by schedule and are deterministic for a seed; a request whose ``model`` is
``"fault:KIND"`` always gets that fault (so one server process can serve every fault test), and
one whose ``model`` is ``"policy:reject"`` (approve, random) is answered with that policy.

In-process (unit tests)::

    async with FakeOpenAIServer(FakeServerConfig(latency_ms=5)) as server:
        judge = OpenAIJudge("fake", server.url)

As a process (integration tests, benchmarks), the first stdout line is the ``/v1`` URL::

    python -m rubricrl.testing.fake_openai_server --port 0 --latency-ms 50 --fault-rate 0.1

(that module is the command-line entry point; the implementation lives here).

``--workers N`` runs N processes on one port (SO_REUSEPORT) when one core is not enough.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import signal
import socket
import struct
import sys
import time
from collections import deque
from collections.abc import MutableSequence
from typing import Any, Literal, cast, get_args

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, field_validator

from rubricrl.judges import FakePolicy, reply_from_schema
from rubricrl.testing._faults import (
    CONTENT_FAULTS,
    FAULT_KINDS,
    OK,
    FaultPlan,
    bad_content,
)

_COUNTERS = (
    "requests",
    "chat_completions",
    "models",
    "health",
    "bad_request",
    "unauthorized",
    OK,
    *FAULT_KINDS,
    "in_flight",
    "max_in_flight",
)
#: The reply when a request asks for no schema (free text in a real server).
_NO_SCHEMA = {"reply": "fake judge reply"}
_INDEX = {name: position for position, name in enumerate(_COUNTERS)}


class FakeServerConfig(BaseModel):
    """Settings of the fake server (also its command-line flags)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(default="127.0.0.1", description="Address to bind (loopback by default).")
    port: int = Field(default=0, ge=0, le=65535, description="Port; 0 picks a free one.")
    model: str = Field(default="fake-judge", description="Model id listed by /v1/models.")
    policy: Literal["approve", "reject", "random"] = Field(
        default="approve", description="How grades are chosen from the schema (as FakeJudge)."
    )
    latency_ms: float = Field(default=0.0, ge=0, description="Delay before every chat reply.")
    fault_rate: float = Field(
        default=0.0, ge=0, le=1, description="Share of chat requests given a fault."
    )
    faults: tuple[str, ...] = Field(
        default=(), description="Fault kinds drawn by rate (default: mix)."
    )
    fault_schedule: tuple[str, ...] = Field(
        default=(), description="Faults (or 'ok') for the first chat requests, by arrival order."
    )
    cycle_schedule: bool = Field(default=False, description="Repeat fault_schedule forever.")
    seed: int = Field(default=0, description="Seed of fault draws and of the random policy.")
    retry_after_s: float = Field(
        default=1.0, ge=0, description="Retry-After sent with 429 and 503."
    )
    hang_s: float = Field(default=3600.0, gt=0, description="How long a 'hang' fault waits.")
    huge_chars: int = Field(default=100_000, ge=1, description="Size of a 'huge' reply's evidence.")
    api_key: str | None = Field(
        default=None, description="If set, require 'Authorization: Bearer KEY'."
    )
    record_requests: int = Field(default=0, ge=0, description="Keep the last N request bodies.")
    workers: int = Field(default=1, ge=1, le=64, description="Server processes sharing the port.")

    @field_validator("faults", "fault_schedule")
    @classmethod
    def _known_faults(cls, kinds: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [kind for kind in kinds if kind not in FAULT_KINDS and kind != OK]
        if unknown:
            raise ValueError(f"unknown fault {unknown[0]!r}; valid: ok, {', '.join(FAULT_KINDS)}")
        return kinds

    def __repr__(self) -> str:
        shown = self.model_dump(exclude={"api_key"})
        return f"FakeServerConfig({shown}, api_key={'***' if self.api_key else None})"


class _Counters:
    """One row of counters per worker in a (possibly shared-memory) flat buffer."""

    def __init__(self, buffer: MutableSequence[int], worker: int) -> None:
        self.buffer = buffer
        self.offset = worker * len(_COUNTERS)

    def add(self, name: str, amount: int = 1) -> None:
        self.buffer[self.offset + _INDEX[name]] += amount

    def enter(self) -> None:
        in_flight = self.offset + _INDEX["in_flight"]
        self.buffer[in_flight] += 1
        peak = self.offset + _INDEX["max_in_flight"]
        self.buffer[peak] = max(self.buffer[peak], self.buffer[in_flight])

    def totals(self) -> dict[str, int]:
        width = len(_COUNTERS)
        rows = [self.buffer[start : start + width] for start in range(0, len(self.buffer), width)]
        summed = {name: sum(row[position] for row in rows) for name, position in _INDEX.items()}
        summed["max_in_flight"] = max(row[_INDEX["max_in_flight"]] for row in rows)
        summed["workers"] = len(rows)
        return summed

    def reset(self) -> None:
        """Zero every counter except the in-flight gauge (requests still running end later)."""
        keep = _INDEX["in_flight"]
        for position in range(len(self.buffer)):
            if position % len(_COUNTERS) != keep:
                self.buffer[position] = 0


def _json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers=headers,
        content_type="application/json",
    )


def _error(status: int, message: str, kind: str) -> web.Response:
    return _json_response({"error": {"message": message, "type": kind}}, status)


def _schema_of(payload: dict[str, Any]) -> dict[str, Any] | None:
    response_format = payload.get("response_format")
    if not isinstance(response_format, dict):
        return None
    if response_format.get("type") == "json_schema":
        schema = (response_format.get("json_schema") or {}).get("schema")
    else:
        schema = response_format.get("schema")
    return schema if isinstance(schema, dict) else None


def _forced_fault(payload: dict[str, Any]) -> str | None:
    """``model: "fault:KIND"`` forces that fault: one server can then serve every fault test."""
    model = payload.get("model")
    if isinstance(model, str) and model.startswith("fault:"):
        kind = model.removeprefix("fault:")
        return kind if kind in FAULT_KINDS or kind == OK else None
    return None


def _policy_of(payload: dict[str, Any], default: FakePolicy) -> FakePolicy:
    """``model: "policy:reject"`` (or approve/random) overrides the server's policy."""
    model = payload.get("model")
    if isinstance(model, str) and model.startswith("policy:"):
        for policy in get_args(FakePolicy):
            if model == f"policy:{policy}":
                return cast(FakePolicy, policy)
    return default


def _prompt_chars(messages: Any) -> int:
    if not isinstance(messages, list):
        return 0
    total = 0
    for message in messages:
        content = message.get("content") if isinstance(message, dict) else None
        total += len(content) if isinstance(content, str) else len(json.dumps(content))
    return total


def _abort(request: web.Request, *, reset: bool) -> None:
    transport = request.transport
    if transport is None:
        return
    raw_socket = transport.get_extra_info("socket")
    if reset and raw_socket is not None:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
        raw_socket.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    transport.abort() if reset else transport.close()


class _FakeOpenAI:
    """Request handlers and per-worker state."""

    def __init__(self, config: FakeServerConfig, counters: _Counters) -> None:
        self.config = config
        self.counters = counters
        self.plan = FaultPlan(
            seed=config.seed,
            fault_rate=config.fault_rate,
            faults=config.faults,
            schedule=config.fault_schedule,
            cycle_schedule=config.cycle_schedule,
        )
        self.recorded: deque[dict[str, Any]] = deque(maxlen=max(1, config.record_requests))
        self._expected_auth = f"Bearer {config.api_key}" if config.api_key else None
        self._serial = 0
        self._id_prefix = f"chatcmpl-fake-{os.getpid()}-"

    def app(self) -> web.Application:
        application = web.Application(client_max_size=16 * 1024 * 1024)
        application.router.add_post("/v1/chat/completions", self.chat)
        application.router.add_get("/v1/models", self.models)
        application.router.add_get("/health", self.health)
        application.router.add_get("/stats", self.stats)
        application.router.add_post("/stats/reset", self.reset_stats)
        application.router.add_get("/debug/requests", self.requests)
        return application

    async def health(self, request: web.Request) -> web.Response:
        self.counters.add("requests")
        self.counters.add("health")
        return _json_response({"status": "ok"})

    async def models(self, request: web.Request) -> web.Response:
        self.counters.add("requests")
        self.counters.add("models")
        model = {"id": self.config.model, "object": "model", "owned_by": "rubricrl-fake"}
        return _json_response({"object": "list", "data": [model]})

    async def stats(self, request: web.Request) -> web.Response:
        return _json_response(self.counters.totals())

    async def reset_stats(self, request: web.Request) -> web.Response:
        self.counters.reset()
        return _json_response({"reset": True})

    async def requests(self, request: web.Request) -> web.Response:
        return _json_response(list(self.recorded) if self.config.record_requests else [])

    async def chat(self, request: web.Request) -> web.StreamResponse:
        self.counters.add("requests")
        self.counters.add("chat_completions")
        self.counters.enter()
        try:
            return await self._chat(request)
        finally:
            self.counters.add("in_flight", -1)

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        authorization = request.headers.get("Authorization")
        body = await request.read()
        if self.config.record_requests:
            self._record(body, authorization is not None)
        if self._expected_auth is not None and authorization != self._expected_auth:
            self.counters.add("unauthorized")
            return _error(401, "invalid or missing API key", "authentication_error")
        try:
            payload = json.loads(body)
            if not isinstance(payload, dict) or not isinstance(payload.get("messages"), list):
                raise ValueError("a chat request needs a 'messages' list")
            schema = _schema_of(payload)
            policy = _policy_of(payload, self.config.policy)
            # Only the random policy needs the (costly) key; it matches FakeJudge's.
            key = repr(tuple(payload["messages"])) if policy == "random" else ""
            good = reply_from_schema(schema, policy, key) if schema else _NO_SCHEMA
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            self.counters.add("bad_request")
            return _error(400, f"bad request: {type(error).__name__}", "invalid_request_error")
        fault = _forced_fault(payload) or self.plan.decide(body)
        self.counters.add(fault)
        if self.config.latency_ms:
            await asyncio.sleep(self.config.latency_ms / 1000.0)
        return await self._answer(request, fault, payload, schema, good)

    def _record(self, body: bytes, authorization_present: bool) -> None:
        try:
            parsed: Any = json.loads(body)
        except ValueError:
            parsed = body[:1000].decode("utf-8", errors="replace")
        self.recorded.append({"body": parsed, "authorization_present": authorization_present})

    async def _answer(
        self, request: web.Request, fault: str, payload: dict[str, Any], schema: Any, good: Any
    ) -> web.StreamResponse:
        if fault == OK:
            return self._completion(payload, json.dumps(good))
        if fault in CONTENT_FAULTS:
            text = bad_content(fault, schema or {}, good, self.config.huge_chars)
            return self._completion(payload, text, "length" if fault == "truncated" else "stop")
        return await self._transport_fault(request, fault, payload)

    async def _transport_fault(
        self, request: web.Request, fault: str, payload: dict[str, Any]
    ) -> web.StreamResponse:
        retry_after = {"Retry-After": f"{self.config.retry_after_s:g}"}
        if fault in ("http_500", "http_503", "http_429", "http_401"):
            status = int(fault.removeprefix("http_"))
            headers = retry_after if status in (429, 503) else None
            message = {"error": {"message": f"injected {status}", "type": "server_error"}}
            return _json_response(message, status, headers)
        if fault == "garbage":
            return web.Response(text="<html>502 Bad Gateway</html>\x00\xff", status=200)
        if fault == "not_completion":
            return _json_response({"object": "list", "data": [], "note": "not a completion"})
        if fault == "no_content":
            return self._completion(payload, None)
        if fault == "hang":
            await asyncio.sleep(self.config.hang_s)
            return _error(504, "hang fault ended", "server_error")
        _abort(request, reset=fault == "reset")
        raise asyncio.CancelledError  # the connection is gone; aiohttp drops the handler quietly

    def _completion(
        self, payload: dict[str, Any], text: str | None, finish_reason: str = "stop"
    ) -> web.Response:
        self._serial += 1
        prompt_tokens = _prompt_chars(payload.get("messages")) // 4
        completion_tokens = len(text or "") // 4
        message: dict[str, Any] = {"role": "assistant", "content": text}
        if text is None:
            message["refusal"] = "I can't grade this."
        return _json_response(
            {
                "id": f"{self._id_prefix}{self._serial}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": payload.get("model", self.config.model),
                "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            }
        )


def _listening_socket(host: str, port: int, reuse_port: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.setblocking(False)
    return sock


async def _start(
    config: FakeServerConfig, sock: socket.socket, counters: _Counters
) -> tuple[web.AppRunner, _FakeOpenAI]:
    state = _FakeOpenAI(config, counters)
    runner = web.AppRunner(
        state.app(), access_log=None, handler_cancellation=True, shutdown_timeout=0.5
    )
    await runner.setup()
    await web.SockSite(runner, sock, backlog=2048).start()
    return runner, state


class FakeOpenAIServer:
    """The fake server inside the current event loop (one worker), as an async context manager.

    >>> async def demo() -> int:
    ...     async with FakeOpenAIServer(FakeServerConfig()) as server:
    ...         return server.port > 0
    >>> asyncio.run(demo())
    True
    """

    def __init__(self, config: FakeServerConfig | None = None) -> None:
        """Create (not start) the server; ``config.workers`` is ignored in-process."""
        self.config = config or FakeServerConfig()
        self.port = 0
        self._runner: web.AppRunner | None = None
        self._state: _FakeOpenAI | None = None

    @property
    def url(self) -> str:
        """The OpenAI base URL (``http://HOST:PORT/v1``)."""
        return f"http://{self.config.host}:{self.port}/v1"

    def stats(self) -> dict[str, int]:
        """Counters so far (requests, outcomes by fault kind, peak in-flight)."""
        assert self._state is not None, "server not started"
        return self._state.counters.totals()

    @property
    def recorded(self) -> list[dict[str, Any]]:
        """The last ``record_requests`` request bodies (with ``authorization_present``)."""
        assert self._state is not None, "server not started"
        return list(self._state.recorded) if self.config.record_requests else []

    async def __aenter__(self) -> FakeOpenAIServer:
        sock = _listening_socket(self.config.host, self.config.port, reuse_port=False)
        self.port = sock.getsockname()[1]
        counters = _Counters([0] * len(_COUNTERS), 0)
        self._runner, self._state = await _start(self.config, sock, counters)
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        self._runner = None


async def _serve_until_signal(
    config: FakeServerConfig, sock: socket.socket, counters: _Counters
) -> None:
    runner, _ = await _start(config, sock, counters)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    parent = os.getppid()
    try:
        while not stop.is_set():
            # Exit with the parent (the test or benchmark that started us), never linger.
            if os.getppid() != parent:
                break
            try:
                await asyncio.wait_for(stop.wait(), timeout=1.0)
            except TimeoutError:
                pass
    finally:
        await runner.cleanup()


def _worker(config: FakeServerConfig, port: int, buffer: Any, worker: int) -> None:
    sock = _listening_socket(config.host, port, reuse_port=True)
    asyncio.run(_serve_until_signal(config, sock, _Counters(buffer, worker)))


def serve(config: FakeServerConfig, *, announce: bool = True) -> None:
    """Run the server (``config.workers`` processes) until SIGTERM/SIGINT; print the URL first."""
    sock = _listening_socket(config.host, config.port, reuse_port=config.workers > 1)
    port = sock.getsockname()[1]
    context = multiprocessing.get_context("fork")
    buffer = context.Array("q", len(_COUNTERS) * config.workers, lock=False)
    children = [
        context.Process(target=_worker, args=(config, port, buffer, worker), daemon=True)
        for worker in range(1, config.workers)
    ]
    for child in children:
        child.start()
    if announce:
        print(f"http://{config.host}:{port}/v1", flush=True)
    try:
        asyncio.run(_serve_until_signal(config, sock, _Counters(buffer, 0)))
    finally:
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout=5)


def _parse_args(argv: list[str] | None) -> FakeServerConfig:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    for name, field in FakeServerConfig.model_fields.items():
        flag = "--" + name.replace("_", "-")
        if field.annotation is bool:
            parser.add_argument(flag, action="store_true", help=field.description)
        elif name in ("faults", "fault_schedule"):
            parser.add_argument(flag, default="", help=f"{field.description} Comma-separated.")
        else:
            parser.add_argument(flag, default=None, help=field.description)
    arguments = vars(parser.parse_args(argv))
    values: dict[str, Any] = {k: v for k, v in arguments.items() if v not in (None, False, "")}
    for name in ("faults", "fault_schedule"):
        if name in values:
            values[name] = tuple(part.strip() for part in values[name].split(",") if part.strip())
    if "api_key" not in values and os.environ.get("RUBRICRL_FAKE_SERVER_API_KEY"):
        values["api_key"] = os.environ["RUBRICRL_FAKE_SERVER_API_KEY"]
    return FakeServerConfig.model_validate(values)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: parse flags, serve; bad flags give one line on stderr and exit 2."""
    try:
        config = _parse_args(argv)
    except ValueError as error:
        first = str(error).splitlines()
        print(f"error: {' '.join(first[:3])}", file=sys.stderr)
        return 2
    serve(config)
    return 0
