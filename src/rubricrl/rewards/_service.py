"""The reward service's core, independent of HTTP: one engine, admission control, a row cache.

One :class:`RewardService` lives per server process: it opens ONE judge (one pooled client)
and ONE :class:`~rubricrl.scoring.ScoringEngine`, shared by every request. Admission counts
samples in flight and refuses work beyond ``max_inflight_samples`` at once (the caller answers
503 + Retry-After) instead of queueing without bound. Finished reward rows are kept in a small
LRU keyed by (judge, rubric hash, prompt, response): a repeated sample costs a dict lookup.
Abstentions are never cached, so they are graded again next time.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

from rubricrl.defense import defended_engine
from rubricrl.judges import Judge, resolve_judge
from rubricrl.rewards._bank import RubricBank
from rubricrl.rewards._config import ServeConfig
from rubricrl.rubric import Reward, Rubric
from rubricrl.scoring import GradingItem, ScoringEngine, reward_row

logger = logging.getLogger(__name__)


class Admission:
    """Counts samples in flight; ``try_admit`` refuses instead of waiting (bounded memory).

    >>> gate = Admission(10)
    >>> gate.try_admit(8), gate.try_admit(4), gate.inflight
    (True, False, 8)
    """

    def __init__(self, capacity: int) -> None:
        """Admit at most ``capacity`` samples at once."""
        self.capacity = capacity
        self.inflight = 0

    def try_admit(self, samples: int) -> bool:
        """Take room for ``samples`` if there is room; a single call never blocks."""
        if self.inflight + samples > self.capacity:
            return False
        self.inflight += samples
        return True

    def release(self, samples: int) -> None:
        """Give back room taken by :meth:`try_admit`."""
        self.inflight = max(0, self.inflight - samples)


class GradedRow(NamedTuple):
    """A finished row: its reward and coverage, and its JSON text without the id."""

    reward: float | None
    coverage: float
    fragment: str

    def json_with_id(self, item_id: str) -> str:
        """The full row as JSON text, id first (exactly ``reward_row``'s key order)."""
        head = '{"id":' + json.dumps(item_id, ensure_ascii=False)
        return head + ("," + self.fragment[1:] if len(self.fragment) > 2 else "}")

    def as_dict(self, item_id: str) -> dict[str, Any]:
        """The full row as a dict."""
        row: dict[str, Any] = json.loads(self.json_with_id(item_id))
        return row


def graded_row(reward: Reward) -> GradedRow:
    """Serialize a reward once, as ``reward_row`` does, keeping the text without the id."""
    row = reward_row("", reward)
    del row["id"]
    text = json.dumps(row, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return GradedRow(reward.value, reward.coverage, text)


class RowCache:
    """An LRU of graded rows for (judge, rubric hash, prompt, response)."""

    def __init__(self, size: int) -> None:
        """Keep at most ``size`` rows (0 disables the cache)."""
        self.size = size
        self._rows: OrderedDict[str, GradedRow] = OrderedDict()
        self.hits = 0
        self.misses = 0

    @staticmethod
    def key(judge_id: str, rubric_hash: str, prompt: str, response: str) -> str:
        """Cache key of one sample under a judge and a rubric."""
        digest = hashlib.sha256()
        for part in (judge_id, rubric_hash, prompt, response):
            encoded = part.encode("utf-8", errors="surrogatepass")
            digest.update(len(encoded).to_bytes(8, "little") + encoded)
        return digest.hexdigest()

    def get(self, key: str) -> GradedRow | None:
        """A cached row, refreshed as most recently used."""
        row = self._rows.get(key)
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        self._rows.move_to_end(key)
        return row

    def put(self, key: str, row: GradedRow) -> None:
        """Keep a row whose reward has a value (abstentions are graded again next time)."""
        if self.size == 0 or row.reward is None:
            return
        self._rows[key] = row
        if len(self._rows) > self.size:
            self._rows.popitem(last=False)


class RewardService:
    """Grades samples for the HTTP endpoints; open with ``await service.start()``."""

    def __init__(self, config: ServeConfig, judge: Judge | None = None) -> None:
        """Create the service; the judge is built from ``config.judge`` unless given."""
        self.config = config
        self.bank = RubricBank.load(config.rubric_dir)
        self.admission = Admission(config.max_inflight_samples)
        self.rows = RowCache(config.result_cache_size)
        self._judge = judge
        self.engine: ScoringEngine | None = None
        self.draining = False
        self._inflight: dict[int, Sequence[GradingItem]] = {}

    async def start(self) -> None:
        """Open the one judge and the one engine of this process."""
        judge = self._judge or resolve_judge(self.config.judge, **self.config.judge_options)
        self.engine = defended_engine(judge, self.config.engine)
        logger.info("reward service ready: judge %s, %d rubrics", judge.id, len(self.bank.rubrics))

    async def close(self) -> None:
        """Journal work still in flight, then close the engine (cache flush, judge session)."""
        leftover = [item for items in self._inflight.values() for item in items]
        self._inflight.clear()
        self.journal(leftover, "shutdown")
        if self.engine is not None:
            await self.engine.aclose()
            self.engine = None

    @property
    def ready(self) -> bool:
        """True when requests can be graded (started, not draining)."""
        return self.engine is not None and not self.draining

    def _engine(self) -> ScoringEngine:
        if self.engine is None:
            raise RuntimeError("reward service is not started")
        return self.engine

    async def rows_for(
        self, rubric: Rubric, samples: Sequence[tuple[str, str, str]]
    ) -> list[GradedRow]:
        """Graded rows for (id, prompt, response) samples, in order, using the row cache.

        Only cache misses become grading items; they are graded concurrently in one batch.
        """
        engine = self._engine()
        rubric_hash = rubric.content_hash
        keys = [RowCache.key(engine.judge.id, rubric_hash, p, r) for _, p, r in samples]
        rows = [self.rows.get(key) for key in keys]
        todo = [i for i, row in enumerate(rows) if row is None]
        if todo:
            graded = await self._tracked(engine, self.items(rubric, [samples[i] for i in todo]))
            for index, reward in zip(todo, graded, strict=True):
                rows[index] = graded_row(reward)
                self.rows.put(keys[index], graded_row(reward))
        return [row for row in rows if row is not None]

    async def _tracked(self, engine: ScoringEngine, items: list[GradingItem]) -> list[Reward]:
        # Registered until graded: whatever is still here at shutdown gets journaled.
        token = id(items)
        self._inflight[token] = items
        try:
            rewards = await engine.grade_batch(items)
        except asyncio.CancelledError:
            if self._inflight.pop(token, None) is not None:
                self.journal(items, "cancelled")
            raise
        except BaseException:
            self._inflight.pop(token, None)
            raise
        self._inflight.pop(token, None)
        return rewards

    def journal(self, items: Sequence[GradingItem], reason: str) -> None:
        """Append unfinished items to the journal file (if configured) so they can be resent."""
        path: Path | None = self.config.journal_path
        if path is None or not items:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            for item in items:
                row = {
                    "id": item.id,
                    "prompt": item.prompt,
                    "response": item.response,
                    "rubric": item.rubric.id,
                    "rubric_hash": item.rubric.content_hash,
                    "unfinished": reason,
                }
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        logger.warning("journaled %d unfinished samples to %s", len(items), path)

    def items(self, rubric: Rubric, samples: Sequence[tuple[str, str, str]]) -> list[GradingItem]:
        """Grading items from (id, prompt, response) triples."""
        return [
            GradingItem(id=sample_id, prompt=prompt, response=response, rubric=rubric)
            for sample_id, prompt, response in samples
        ]
