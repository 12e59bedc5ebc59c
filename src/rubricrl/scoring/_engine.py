"""The scoring engine: grade (response, rubric) items concurrently into Rewards.

It composes small parts instead of holding their logic: prompt builders and parsers
(``rubricrl.judges``), verifiers, the SQLite cache, retry/rate-limit/budget helpers and pure
aggregation. Every criterion ends as a grade or as an unscored record with a reason; a reward
is computed only by ``rubricrl.aggregation`` and is None (abstain) when it cannot be.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any

from rubricrl.aggregation import aggregate
from rubricrl.judges import (
    TEMPLATE_VERSION,
    Judge,
    JudgeCall,
    JudgeError,
    JudgeReply,
    ReplyError,
    new_fence,
    one_call,
    parse_criterion_reply,
    parse_one_call_reply,
    per_criterion_calls,
)
from rubricrl.rubric import Criterion, CriterionScore, Flag, Reward, Rubric
from rubricrl.scoring._cache import GradingCache, cache_key
from rubricrl.scoring._config import EngineConfig, GradingItem
from rubricrl.scoring._limits import Budget, TokenBucket, call_with_retries
from rubricrl.scoring._stats import RunStats
from rubricrl.verifiers import grade_with_verifier

Flagger = Callable[[GradingItem], list[Flag]]
RubricHook = Callable[[Rubric], Rubric]


class ScoringEngine:
    """Grades items with one judge; use as ``async with ScoringEngine(judge) as engine``.

    >>> import asyncio
    >>> from rubricrl.judges import FakeJudge
    >>> from rubricrl.rubric import Criterion, Rubric
    >>> rubric = Rubric(id="r", criteria=[Criterion(id="polite", description="Is polite.")])
    >>> item = GradingItem(id="1", prompt="Hi", response="Hello!", rubric=rubric)
    >>> asyncio.run(ScoringEngine(FakeJudge("approve")).grade_one(item)).value
    1.0
    """

    def __init__(
        self,
        judge: Judge,
        config: EngineConfig | None = None,
        *,
        flaggers: Sequence[Flagger] = (),
        rubric_hook: RubricHook | None = None,
        cache: GradingCache | None = None,
        owns_judge: bool = True,
    ) -> None:
        """Create an engine.

        Args:
            judge: The grader backend.
            config: Engine settings (defaults if omitted).
            flaggers: Detectors run on every item; their Flags land on the Reward, and a Flag
                with policy ``veto`` vetoes it. A flagger with a true ``blocking`` attribute
                (e.g. one running a model) runs in a worker thread so the event loop keeps
                serving judge calls meanwhile.
            rubric_hook: Applied to each rubric before grading (e.g. adding the defense rubric).
            cache: A cache to use; otherwise one is opened at ``config.cache_path`` if set.
            owns_judge: Close the judge when the engine closes.
        """
        self.judge = judge
        self.config = config or EngineConfig()
        self.flaggers = list(flaggers)
        self.rubric_hook = rubric_hook
        self.owns_judge = owns_judge
        self.stats = RunStats()
        path = self.config.cache_path
        self.cache = cache if cache is not None else (GradingCache(path) if path else None)
        self._semaphore = asyncio.Semaphore(min(self.config.concurrency, judge.max_concurrency))
        rate = self.config.rate_limit_per_s
        self._bucket = TokenBucket(rate, self.config.rate_burst) if rate else None
        self._budget = Budget(
            self.config.budget_requests, self.config.budget_tokens, self.config.hard_cap
        )
        self._prepared: dict[str, Rubric] = {}

    async def __aenter__(self) -> ScoringEngine:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Flush the cache and close the judge (if owned)."""
        if self.cache is not None:
            self.cache.flush()
        if self.owns_judge:
            await self.judge.aclose()

    # ------------------------------------------------------------------ public API
    async def grade_one(self, item: GradingItem) -> Reward:
        """Grade one item into a Reward (value None = abstain, with a reason)."""
        rubric = self._prepare(item.rubric)
        scores = await self._criterion_scores(item, rubric)
        flags = await self._flags(item) + _criterion_flags(scores)
        reward = _build_reward(rubric, scores, flags, self.judge.id)
        self._count(reward)
        return reward

    async def grade_batch(self, items: Sequence[GradingItem]) -> list[Reward]:
        """Grade all items concurrently; results in input order."""
        return list(await asyncio.gather(*(self.grade_one(item) for item in items)))

    async def grade_stream(
        self, items: Iterable[GradingItem], window: int | None = None
    ) -> AsyncIterator[tuple[GradingItem, Reward]]:
        """Yield (item, reward) in completion order, keeping at most ``window`` items in flight.

        A bounded window keeps memory flat on inputs of millions of rows.
        """
        window = window or max(8, 2 * self.config.concurrency)
        iterator = iter(items)
        pending: set[asyncio.Task[tuple[GradingItem, Reward]]] = set()
        try:
            while True:
                while len(pending) < window:
                    item = next(iterator, None)
                    if item is None:
                        break
                    pending.add(asyncio.create_task(self._paired(item)))
                if not pending:
                    return
                done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
                for task in done:
                    yield task.result()
        finally:
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.gather(*pending, return_exceptions=True)

    # ------------------------------------------------------------------ internals
    async def _paired(self, item: GradingItem) -> tuple[GradingItem, Reward]:
        return item, await self.grade_one(item)

    def _prepare(self, rubric: Rubric) -> Rubric:
        if self.rubric_hook is None:
            return rubric
        prepared = self._prepared.get(rubric.content_hash)
        if prepared is None:
            prepared = self._prepared[rubric.content_hash] = self.rubric_hook(rubric)
        return prepared

    def _run_flaggers(self, item: GradingItem) -> list[Flag]:
        return [flag for flagger in self.flaggers for flag in flagger(item)]

    async def _flags(self, item: GradingItem) -> list[Flag]:
        # Rule detectors take microseconds to milliseconds: a thread hop would cost more than
        # it frees. A model-backed flagger takes tens of milliseconds and would stall every
        # in-flight judge request, so it leaves the loop.
        if any(getattr(flagger, "blocking", False) for flagger in self.flaggers):
            return await asyncio.to_thread(self._run_flaggers, item)
        return self._run_flaggers(item)

    def _item_key(self, item: GradingItem, rubric: Rubric) -> str:
        return cache_key(
            self.judge.id,
            TEMPLATE_VERSION,
            self.config.mode,
            rubric.content_hash,
            item.prompt,
            item.response,
        )

    async def _criterion_scores(self, item: GradingItem, rubric: Rubric) -> list[CriterionScore]:
        results: dict[str, CriterionScore] = {}
        judged: list[Criterion] = []
        for criterion in rubric.criteria:
            if criterion.kind == "verifier":
                results[criterion.id] = grade_with_verifier(criterion, item.prompt, item.response)
            else:
                judged.append(criterion)
        if judged and self.cache is not None:
            await self._judged_with_cache(item, rubric, judged, self.cache, results)
        elif judged:
            results.update(await self._grade_with_judge(item, rubric, judged))
        return [results[criterion.id] for criterion in rubric.criteria]

    async def _judged_with_cache(
        self,
        item: GradingItem,
        rubric: Rubric,
        judged: list[Criterion],
        cache: GradingCache,
        results: dict[str, CriterionScore],
    ) -> None:
        item_key = self._item_key(item, rubric)
        whole = cache.get_item(item_key)
        if whole is not None and [s.id for s in whole] == [c.id for c in judged]:
            results.update((score.id, score) for score in whole)
            self.stats.cache_hits += len(judged)
            return
        # Criterion keys: the item digest plus ":id" (the digest has a fixed length).
        keys = {c.id: f"{item_key}:{c.id}" for c in judged}
        cached = cache.get_many(list(keys.values()))
        missing = [c for c in judged if keys[c.id] not in cached]
        results.update((c.id, cached[keys[c.id]]) for c in judged if keys[c.id] in cached)
        self.stats.cache_hits += len(judged) - len(missing)
        self.stats.cache_misses += len(missing)
        if missing:
            graded = await self._grade_with_judge(item, rubric, missing)
            results.update(graded)
            cache.put_many((keys[c.id], graded[c.id]) for c in missing)
        cache.put_item(item_key, [results[c.id] for c in judged])

    async def _grade_with_judge(
        self, item: GradingItem, rubric: Rubric, criteria: list[Criterion]
    ) -> dict[str, CriterionScore]:
        fence = new_fence(item.prompt, item.response)
        if self.config.mode == "one_call":
            return await self._grade_one_call(item, rubric, criteria, fence)
        calls = per_criterion_calls(rubric, criteria, item.prompt, item.response, fence)
        graded = await asyncio.gather(
            *(self._grade_criterion(item, c, call) for c, call in zip(criteria, calls, strict=True))
        )
        return {score.id: score for score in graded}

    async def _grade_criterion(
        self, item: GradingItem, criterion: Criterion, call: JudgeCall
    ) -> CriterionScore:
        failure: ReplyError | None = None
        for attempt in range(1 + self.config.parse_retries):
            try:
                reply = await self._call(_retry_variant(call, attempt))
            except JudgeError as error:
                return CriterionScore.unscored(criterion.id, error.reason, str(error), "error")
            try:
                score = parse_criterion_reply(
                    criterion, reply.text, item.response, self.judge.id, self.config.evidence_policy
                )
            except ReplyError as error:
                failure = error
                self.stats.parse_retries += attempt < self.config.parse_retries
                continue
            return _with_usage(score, reply)
        assert failure is not None
        return CriterionScore.unscored(criterion.id, failure.reason, failure.detail)

    async def _grade_one_call(
        self, item: GradingItem, rubric: Rubric, criteria: list[Criterion], fence: str
    ) -> dict[str, CriterionScore]:
        results: dict[str, CriterionScore] = {}
        failures: dict[str, ReplyError] = {}
        todo = list(criteria)
        for attempt in range(1 + self.config.parse_retries):
            # A retry asks again only for the criteria that failed to validate.
            call = one_call(rubric, todo, item.prompt, item.response, fence)
            try:
                reply = await self._call(_retry_variant(call, attempt))
            except JudgeError as error:
                return results | _all_unscored(todo, error.reason, str(error), "error")
            try:
                parsed = parse_one_call_reply(
                    todo, reply.text, item.response, self.judge.id, self.config.evidence_policy
                )
            except ReplyError as error:
                parsed = {c.id: error for c in todo}
            for criterion_id, outcome in parsed.items():
                if isinstance(outcome, ReplyError):
                    failures[criterion_id] = outcome
                else:
                    results[criterion_id] = _with_usage(outcome, reply, len(todo))
            todo = [c for c in todo if c.id not in results]
            if not todo:
                return results
            self.stats.parse_retries += attempt < self.config.parse_retries
        for criterion in todo:
            failure = failures[criterion.id]
            results[criterion.id] = CriterionScore.unscored(
                criterion.id, failure.reason, failure.detail
            )
        return results

    async def _call(self, call: JudgeCall) -> JudgeReply:
        async with self._semaphore:
            # Checked once a slot is held, so at most `concurrency - 1` calls overshoot a cap.
            self._budget.before_call()
            if self._bucket is not None:
                await self._bucket.acquire()
            config = self.config
            reply = await call_with_retries(
                lambda: self.judge.complete(call),
                max_attempts=config.max_attempts,
                timeout_s=config.timeout_s,
                base_s=config.backoff_base_s,
                max_s=config.backoff_max_s,
                stats=self.stats,
            )
        self._budget.after_call(reply)
        self.stats.judge_calls += 1
        self.stats.prompt_tokens += reply.prompt_tokens
        self.stats.completion_tokens += reply.completion_tokens
        self.stats.record_latency(reply.latency_s)
        return reply

    def _count(self, reward: Reward) -> None:
        stats = self.stats
        stats.items += 1
        stats.rewards_none += reward.value is None
        for score in reward.criteria:
            if score.score is None:
                stats.criteria_abstained += 1
                stats.abstain_reasons[score.reason or "unknown"] += 1
            else:
                stats.criteria_scored += 1


def _retry_variant(call: JudgeCall, attempt: int) -> JudgeCall:
    # A parse retry with the same seed at temperature 0 would often repeat the same bad reply.
    if attempt == 0:
        return call
    seed = (call.seed or 0) + attempt
    return dataclasses.replace(call, seed=seed, temperature=max(call.temperature, 0.3))


def _with_usage(score: CriterionScore, reply: JudgeReply, share: int = 1) -> CriterionScore:
    return score.model_copy(
        update={
            "prompt_tokens": reply.prompt_tokens // share,
            "completion_tokens": reply.completion_tokens // share,
            "latency_s": reply.latency_s,
        }
    )


def _all_unscored(
    criteria: list[Criterion], reason: str, detail: str, status: Any
) -> dict[str, CriterionScore]:
    return {c.id: CriterionScore.unscored(c.id, reason, detail, status) for c in criteria}


def _criterion_flags(scores: list[CriterionScore]) -> list[Flag]:
    return [
        Flag(name=flag, evidence=f"criterion {score.id}", source="judge")
        for score in scores
        for flag in score.flags
    ]


def _build_reward(
    rubric: Rubric, scores: list[CriterionScore], flags: list[Flag], judge_id: str
) -> Reward:
    result = aggregate(rubric, scores)
    value, vetoed_by = result.value, list(result.vetoed_by)
    vetoes = [flag for flag in flags if flag.policy == "veto"]
    if vetoes:
        value = rubric.aggregation.veto_value
        vetoed_by += [f"flag:{flag.name}" for flag in vetoes]
    elif value is not None:
        penalty = sum(
            float(getattr(flag, "penalty", 0.0)) for flag in flags if flag.policy == "penalty"
        )
        value = max(0.0, value - penalty)
    return Reward(
        value=value,
        criteria=scores,
        flags=flags,
        vetoed_by=vetoed_by,
        abstain_reason=result.abstain_reason if value is None else None,
        coverage=result.coverage,
        rubric_id=rubric.id,
        rubric_hash=rubric.content_hash,
        judge=judge_id,
        prompt_tokens=sum(s.prompt_tokens for s in scores if not s.cached),
        completion_tokens=sum(s.completion_tokens for s in scores if not s.cached),
        judge_calls=sum(1 for s in scores if _was_judged(s)),
    )


def _was_judged(score: CriterionScore) -> bool:
    judged_by_model = bool(score.judge) and not (score.judge or "").startswith("verifier:")
    return score.status == "ok" and not score.cached and judged_by_model
