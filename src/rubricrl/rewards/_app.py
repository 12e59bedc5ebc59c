"""The FastAPI app of ``rubricrl serve``: batch scoring, OpenRLHF's remote RM, health, metrics.

Request bodies are read with a byte cap (413), parsed as JSON (400 on malformed input) and
validated with pydantic (400 naming the first bad field). Scoring endpoints need
``Authorization: Bearer <token>`` when a token is configured; ``/health``, ``/ready`` and
``/metrics`` stay open for probes and scrapers. Work beyond the admission capacity gets 503 with
``Retry-After``. Nothing here logs or returns the judge's API key: it lives only inside the
judge client's session headers.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.routing import Route

from rubricrl.judges import Judge
from rubricrl.rewards._bank import UnknownRubric
from rubricrl.rewards._config import ServeConfig
from rubricrl.rewards._metrics import ServiceMetrics
from rubricrl.rewards._openrlhf import (
    OpenRLHFReply,
    OpenRLHFRequest,
    openrlhf_reply,
    split_response,
)
from rubricrl.rewards._service import GradedRow, RewardService
from rubricrl.rubric import Reward, Rubric, RubricError, format_validation_error
from rubricrl.scoring import GradingItem

ModelT = TypeVar("ModelT", bound=BaseModel)
Sample3 = tuple[str, str, str]  # (id, prompt, response)


class Sample(BaseModel):
    """One response to grade."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1, max_length=512)
    prompt: str
    response: str


class ScoreRequest(BaseModel):
    """``POST /v1/score``: a rubric (bank id or inline object) and samples."""

    model_config = ConfigDict(extra="forbid")

    rubric: str | dict[str, Any] = Field(description="Bank rubric id, or a rubric object.")
    samples: list[Sample]


class ScoreReply(BaseModel):
    """Rows exactly as ``rubricrl grade`` writes them, in request order."""

    rows: list[dict[str, Any]]


class HttpError(Exception):
    """An error answered as ``{"error": message}`` with a status code."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        """Create the error."""
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body, status_code=status, media_type="application/json", headers=headers)


async def _read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise HttpError(413, f"request body of {declared} bytes exceeds the limit of {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"request body exceeds the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _parse(body: bytes, model: type[ModelT]) -> ModelT:
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HttpError(400, f"malformed JSON: {error}") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise HttpError(400, f"invalid request: {format_validation_error(error)}") from None


class _Routes:
    """Handlers bound to one service, one config and one metrics registry."""

    def __init__(self, service: RewardService, metrics: ServiceMetrics) -> None:
        self.service = service
        self.config = service.config
        self.metrics = metrics
        self.token = self.config.token_value()

    def check_auth(self, request: Request) -> None:
        if self.token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        matches = hmac.compare_digest(given.encode(), self.token.encode())
        if scheme.lower() != "bearer" or not matches:
            raise HttpError(401, "missing or wrong bearer token", {"WWW-Authenticate": "Bearer"})

    def check_count(self, count: int) -> None:
        if count == 0:
            raise HttpError(400, "no samples in the request")
        if count > self.config.max_samples:
            raise HttpError(
                400, f"{count} samples in one request; the limit is {self.config.max_samples}"
            )
        if not self.service.ready:
            raise HttpError(503, "service is not ready", {"Retry-After": "1"})

    async def admitted(self, jobs: list[tuple[Rubric, list[Sample3]]]) -> list[GradedRow]:
        """Admit a request's samples at once (or 503); grade its jobs concurrently, in order."""
        count = sum(len(samples) for _, samples in jobs)
        if not self.service.admission.try_admit(count):
            retry = str(self.config.retry_after_s)
            raise HttpError(503, "overloaded: too many samples in flight", {"Retry-After": retry})
        self.metrics.inflight.set(self.service.admission.inflight)
        try:
            groups = await asyncio.gather(
                *(self.service.rows_for(rubric, samples) for rubric, samples in jobs)
            )
        finally:
            self.service.admission.release(count)
            self.metrics.inflight.set(self.service.admission.inflight)
        rows = [row for group in groups for row in group]
        scored = sum(1 for row in rows if row.reward is not None)
        self.metrics.samples.labels("scored").inc(scored)
        self.metrics.samples.labels("abstained").inc(len(rows) - scored)
        return rows

    def resolve(self, rubric: str | dict[str, Any]) -> Rubric:
        if isinstance(rubric, dict) and not self.config.allow_inline_rubrics:
            raise HttpError(400, "inline rubrics are disabled on this server; send a rubric id")
        try:
            return self.service.bank.resolve(rubric)
        except UnknownRubric as error:
            raise HttpError(404, str(error)) from None
        except RubricError as error:
            raise HttpError(400, str(error)) from None

    async def score(self, request: Request) -> Response:
        self.check_auth(request)
        payload = _parse(await _read_body(request, self.config.max_body_bytes), ScoreRequest)
        self.check_count(len(payload.samples))
        ids = [sample.id for sample in payload.samples]
        if len(set(ids)) != len(ids):
            raise HttpError(400, "sample ids must be unique within a request")
        rubric = self.resolve(payload.rubric)
        triples = [(s.id, s.prompt, s.response) for s in payload.samples]
        rows = await self.admitted([(rubric, triples)])
        body = ",".join(
            row.json_with_id(sid) for row, (sid, _, _) in zip(rows, triples, strict=True)
        )
        return Response('{"rows":[' + body + "]}", media_type="application/json")

    async def openrlhf(self, request: Request) -> Response:
        self.check_auth(request)
        payload = _parse(await _read_body(request, self.config.max_body_bytes), OpenRLHFRequest)
        self.check_count(len(payload.query))
        items = [self._openrlhf_item(payload, i) for i in range(len(payload.query))]
        # Labels may pick different rubrics: one job per sample, all admitted together.
        rows = await self.admitted([(i.rubric, [(i.id, i.prompt, i.response)]) for i in items])
        rewards = [Reward(value=row.reward, coverage=row.coverage) for row in rows]
        reply = openrlhf_reply(rewards, self.config.abstain_fill)
        return _json(reply.model_dump())

    def _openrlhf_item(self, payload: OpenRLHFRequest, index: int) -> GradingItem:
        prompt = payload.prompts[index] if index < len(payload.prompts) else ""
        label = payload.labels[index] if index < len(payload.labels) else None
        rubric_id = label if isinstance(label, str) and label in self.service.bank.rubrics else None
        rubric_id = rubric_id or self.config.openrlhf_rubric
        if rubric_id is None:
            raise HttpError(400, "no rubric: set openrlhf_rubric or send a rubric id as label")
        rubric = self.resolve(rubric_id)
        response = split_response(payload.query[index], prompt)
        return GradingItem(id=str(index), prompt=prompt, response=response, rubric=rubric)

    def ready(self) -> Response:
        if self.service.ready:
            return _json({"status": "ready"})
        return _json({"status": "not ready"}, 503, {"Retry-After": "1"})

    def render_metrics(self) -> Response:
        engine = self.service.engine
        if engine is not None:
            self.metrics.judge_calls.set(engine.stats.judge_calls)
        self.metrics.cache_hits.set(self.service.rows.hits)
        return Response(self.metrics.render(), media_type="text/plain; version=0.0.4")


Handler = Callable[[Request], Awaitable[Response]]


def _instrumented(routes: _Routes, name: str, handler: Handler) -> Handler:
    async def endpoint(request: Request) -> Response:
        start = time.perf_counter()
        try:
            response = await handler(request)
        except HttpError as error:
            response = _json({"error": error.message}, error.status, error.headers)
        routes.metrics.requests.labels(name, str(response.status_code)).inc()
        routes.metrics.latency.labels(name).observe(time.perf_counter() - start)
        return response

    return endpoint


def _body_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }
    }


def create_app(config: ServeConfig, judge: Judge | None = None) -> FastAPI:
    """Build the service's FastAPI app; its lifespan opens and closes the one engine.

    Args:
        config: Service settings.
        judge: A judge to use instead of building one from ``config.judge`` (tests, embedding).

    Returns:
        The app, to run with uvicorn (see :func:`rubricrl.rewards.serve`).

    >>> app = create_app(ServeConfig(judge="fake:approve"))
    >>> sorted({r.path for r in app.routes if r.path.startswith("/v1")})
    ['/v1/openrlhf', '/v1/score']
    """
    service = RewardService(config, judge)
    metrics = ServiceMetrics()
    routes = _Routes(service, metrics)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await service.start()
        try:
            yield
        finally:
            service.draining = True
            await service.close()

    app = FastAPI(
        title="rubricrl reward service",
        version="1",
        lifespan=lifespan,
        description="Rubric-anchored rewards over HTTP. Reward null = abstain (do not learn).",
    )
    app.state.service = service
    score = _instrumented(routes, "score", routes.score)
    openrlhf = _instrumented(routes, "openrlhf", routes.openrlhf)
    app.add_api_route(
        "/v1/score",
        score,
        methods=["POST"],
        response_model=ScoreReply,
        openapi_extra=_body_schema(ScoreRequest),
        summary="Grade samples against one rubric (rows as written by rubricrl grade).",
    )
    app.add_api_route(
        "/v1/openrlhf",
        openrlhf,
        methods=["POST"],
        response_model=OpenRLHFReply,
        openapi_extra=_body_schema(OpenRLHFRequest),
        summary="OpenRLHF remote reward model protocol (--remote_rm_url).",
    )
    # The documented routes above give the OpenAPI schema; these plain Starlette routes, matched
    # first, serve the same handlers without FastAPI's per-request parameter machinery.
    app.router.routes[:0] = [
        Route("/v1/score", score, methods=["POST"], include_in_schema=False),
        Route("/v1/openrlhf", openrlhf, methods=["POST"], include_in_schema=False),
    ]
    app.add_api_route("/health", lambda: JSONResponse({"status": "ok"}), methods=["GET"])
    app.add_api_route("/ready", routes.ready, methods=["GET"])
    app.add_api_route("/metrics", routes.render_metrics, methods=["GET"])
    return app
