"""TRL adapter: a rubric reward function for ``trl.GRPOTrainer(reward_funcs=[...])``.

TRL 1.16 calls each reward function with keyword arguments ``prompts``, ``completions``,
``completion_ids``, ``trainer_state``, ``log_metric``, ``log_extra`` and every dataset column
(one list entry per completion), and accepts one ``float | None`` per completion; ``None``
becomes NaN. :class:`RubricReward` grades the whole batch concurrently through one
:class:`~rubricrl.scoring.ScoringEngine` on a persistent background event loop (so the judge's
HTTP session lives across steps), returns ``None`` for abstained samples, and logs
per-criterion means, abstain, veto and hacking-flag rates through ``log_metric``.

Abstention with several reward functions (checked in TRL 1.16 ``_calculate_rewards`` and
``_compute_advantages``): a completion for which *every* reward function returned ``None`` is
excluded from the group statistics and gets advantage 0. But when you pass several reward
functions with ``reward_weights``, a ``None`` from one of them is dropped from the weighted
``nansum`` for that sample only, i.e. that sample's total silently loses that function's
weight and looks worse than its peers. So put rubric criteria and verifiers into ONE rubric
(``extra_criteria=`` adds verifier criteria to every rubric): abstention then renormalizes
inside the rubric (``min_coverage``), which is unbiased. Use several ``RubricReward``
objects with ``reward_weights`` only for rewards that never abstain, or accept the bias.

Rubric per row: a dataset column (default ``rubric``) may hold a rubric id from ``rubrics``,
an inline rubric dict, or its JSON text (``{...}``); empty means ``default_rubric``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from rubricrl.judges import Judge, resolve_judge
from rubricrl.rewards._trl_loop import BackgroundLoop
from rubricrl.rewards._trl_metrics import reward_metrics
from rubricrl.rubric import Criterion, Reward, Rubric, rubric_from_data
from rubricrl.scoring import EngineConfig, Flagger, GradingItem, RubricHook, ScoringEngine

logger = logging.getLogger(__name__)

__all__ = ["RubricReward", "completion_text", "prompt_text"]

MetricLogger = Callable[[str, float], None]


def prompt_text(prompt: Any) -> str:
    """The text a judge sees as the prompt: plain text, or the conversation's user turns.

    >>> prompt_text([{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}])
    'Hi'
    >>> prompt_text("Hello")
    'Hello'
    """
    if isinstance(prompt, str):
        return prompt
    turns = [str(m.get("content", "")) for m in prompt if m.get("role") == "user"]
    return "\n\n".join(turns) if turns else "\n\n".join(str(m.get("content", "")) for m in prompt)


def completion_text(completion: Any) -> str:
    """The response text of a plain or conversational completion.

    >>> completion_text([{"role": "assistant", "content": "Hello!"}])
    'Hello!'
    """
    if isinstance(completion, str):
        return completion
    return "".join(str(m.get("content", "")) for m in completion if m.get("role") == "assistant")


def with_criteria(rubric: Rubric, extra: Sequence[Criterion]) -> Rubric:
    """A new rubric version with ``extra`` criteria appended (ids already present are kept).

    >>> base = Rubric(id="r", criteria=[Criterion(id="a", description="A.")])
    >>> [c.id for c in with_criteria(base, [Criterion(id="b", description="B.")]).criteria]
    ['a', 'b']
    """
    have = {criterion.id for criterion in rubric.criteria}
    added = tuple(criterion for criterion in extra if criterion.id not in have)
    if not added:
        return rubric
    data = rubric.model_dump(mode="json")
    data["criteria"] = [c.model_dump(mode="json") for c in (*rubric.criteria, *added)]
    return rubric_from_data(data, source=f"{rubric.id}+criteria")


class RubricReward:
    """A TRL reward function that grades completions against rubrics.

    Args:
        judge: A judge, or a judge spec (``local``, ``openai:MODEL@URL``, ``fake:approve``).
        rubrics: Rubrics a row's ``rubric`` column may name by id.
        default_rubric: Rubric (or id in ``rubrics``) for rows without one.
        extra_criteria: Criteria (usually verifiers) added to every rubric.
        config: Engine settings.
        flaggers: Hacking detectors run on every sample (their flags are logged).
        rubric_hook: Applied to each rubric before grading (e.g. ``with_defense``).
        name: ``__name__`` used by TRL for logging (``rewards/<name>/mean``).
        rubric_column: The dataset column holding each row's rubric.
        judge_options: Passed to ``resolve_judge`` when ``judge`` is a spec.

    >>> from rubricrl.rubric import Criterion
    >>> rubric = Rubric(id="polite", criteria=[Criterion(id="p", description="Is polite.")])
    >>> reward = RubricReward("fake:approve", default_rubric=rubric)
    >>> reward(prompts=["Hi"], completions=["Hello!"])
    [1.0]
    >>> reward.close()
    """

    def __init__(
        self,
        judge: Judge | str = "local",
        *,
        rubrics: Mapping[str, Rubric] | Sequence[Rubric] = (),
        default_rubric: Rubric | str | None = None,
        extra_criteria: Sequence[Criterion] = (),
        config: EngineConfig | None = None,
        flaggers: Sequence[Flagger] = (),
        rubric_hook: RubricHook | None = None,
        name: str = "rubric",
        rubric_column: str = "rubric",
        judge_options: Mapping[str, Any] | None = None,
    ) -> None:
        """Create the reward; the judge and engine are built lazily on the first call."""
        bank = rubrics.values() if isinstance(rubrics, Mapping) else rubrics
        self.rubrics: dict[str, Rubric] = {rubric.id: rubric for rubric in bank}
        if isinstance(default_rubric, str):
            default_rubric = self._named(default_rubric)
        self.default_rubric = default_rubric
        self.extra_criteria = tuple(extra_criteria)
        self.config = config or EngineConfig()
        self.__name__ = name
        self.rubric_column = rubric_column
        self._judge_source = judge
        self._judge_options = dict(judge_options or {})
        self._flaggers = tuple(flaggers)
        self._rubric_hook = rubric_hook
        self._loop: BackgroundLoop | None = None
        self._engine: ScoringEngine | None = None
        self._inline: dict[str, Rubric] = {}
        self._prepared: dict[str, Rubric] = {}
        self.last_rewards: list[Reward] = []
        self.last_metrics: dict[str, float] = {}

    # ------------------------------------------------------------------ TRL entry point
    def __call__(
        self,
        prompts: Sequence[Any],
        completions: Sequence[Any],
        completion_ids: Sequence[Sequence[int]] | None = None,
        trainer_state: Any = None,
        log_metric: MetricLogger | None = None,
        **columns: Any,
    ) -> list[float | None]:
        """Grade one batch; returns one reward per completion, ``None`` where it abstained.

        Raises:
            ValueError: If a row names an unknown rubric or has none and there is no default.
        """
        rows = columns.get(self.rubric_column) or [None] * len(prompts)
        items = [
            GradingItem(
                id=str(index),
                prompt=prompt_text(prompt),
                response=completion_text(completion),
                rubric=self.rubric_for(row_rubric),
            )
            for index, (prompt, completion, row_rubric) in enumerate(
                zip(prompts, completions, rows, strict=True)
            )
        ]
        rewards = self.grade(items)
        self._record(rewards, log_metric)
        return [reward.value for reward in rewards]

    def grade(self, items: Sequence[GradingItem]) -> list[Reward]:
        """Grade items on the background loop (input order)."""
        if self._loop is None or self._loop.closed:
            self._loop = BackgroundLoop()
        return self._loop.run(self._grade(list(items)))

    async def _grade(self, items: list[GradingItem]) -> list[Reward]:
        if self._engine is None:  # built on the loop that will use it
            self._engine = ScoringEngine(
                self._make_judge(),
                self.config,
                flaggers=self._flaggers,
                rubric_hook=self._rubric_hook,
            )
        return await self._engine.grade_batch(items)

    def _make_judge(self) -> Judge:
        source = self._judge_source
        return resolve_judge(source, **self._judge_options) if isinstance(source, str) else source

    def _record(self, rewards: list[Reward], log_metric: MetricLogger | None) -> None:
        self.last_rewards = rewards
        self.last_metrics = reward_metrics(rewards, self.__name__)
        if log_metric is not None:
            for key, value in self.last_metrics.items():
                log_metric(key, value)

    # ------------------------------------------------------------------ rubrics per row
    def _named(self, rubric_id: str) -> Rubric:
        try:
            return self.rubrics[rubric_id]
        except KeyError:
            known = ", ".join(sorted(self.rubrics)) or "none"
            raise ValueError(f"unknown rubric {rubric_id!r}; known: {known}") from None

    def rubric_for(self, row_rubric: Any) -> Rubric:
        """The rubric a row grades with (its id, inline rubric or the default) plus extras."""
        base = self._base_rubric(row_rubric)
        prepared = self._prepared.get(base.content_hash)
        if prepared is None:
            prepared = self._prepared[base.content_hash] = with_criteria(base, self.extra_criteria)
        return prepared

    def _base_rubric(self, row_rubric: Any) -> Rubric:
        if isinstance(row_rubric, Rubric):
            return row_rubric
        if isinstance(row_rubric, Mapping) or (
            isinstance(row_rubric, str) and row_rubric.lstrip().startswith("{")
        ):
            return self._inline_rubric(row_rubric)
        if row_rubric:
            return self._named(str(row_rubric))
        if self.default_rubric is None:
            raise ValueError(f"row has no {self.rubric_column!r} and no default_rubric is set")
        return self.default_rubric

    def _inline_rubric(self, data: Mapping[str, Any] | str) -> Rubric:
        text = data if isinstance(data, str) else json.dumps(data, sort_keys=True)
        rubric = self._inline.get(text)
        if rubric is None:
            parsed = json.loads(text) if isinstance(data, str) else data
            rubric = self._inline[text] = rubric_from_data(parsed, source="dataset row")
        return rubric

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        """Close the engine (and the judge it owns) and stop the loop (idempotent)."""
        if self._loop is None or self._loop.closed:
            return
        if self._engine is not None:
            self._loop.run(self._engine.aclose())
            self._engine = None
        self._loop.close()

    def __enter__(self) -> RubricReward:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        """Pickle without the loop and engine (TRL may copy reward functions)."""
        state = dict(self.__dict__)
        state["_loop"] = None
        state["_engine"] = None
        return state
