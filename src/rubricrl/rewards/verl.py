"""verl adapter (public entry point): a reward function and two reward managers.

Checked against verl 0.9.1 (``verl/experimental/reward_loop`` and ``verl/workers/reward_manager``).
verl is imported only by callers; nothing here imports it, so the module loads without verl.

- :func:`compute_score`: verl's ``custom_reward_function`` contract (``data_source,
  solution_str, ground_truth, extra_info`` -> dict with ``score``); async, and every concurrent
  call in a process shares one engine (one pooled judge client).
- :class:`RubricRewardManager`: a reward-loop manager (``reward.reward_manager`` with
  ``source: importlib``): ``async run_single(data)`` per sample; verl's reward-loop worker runs
  many of them at once, and they all share one engine, so a batch is graded concurrently.
- :class:`RubricBatchRewardManager`: the batch contract (``__call__(data, return_dict)`` ->
  ``reward_tensor`` + ``reward_extra_info``) grading a whole ``DataProto`` with one
  ``grade_batch`` and masking abstentions (see ``rubricrl.rewards._abstain``).

Extra info per sample: ``score``, ``rubricrl_valid`` (1.0/0.0), ``rubricrl_coverage`` and
``crit/<criterion id>`` for every criterion of the bank (NaN where unscored).
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from rubricrl.rewards._abstain import VALID_KEY, group_neutral_values
from rubricrl.rewards._verl_core import (
    CRITERION_PREFIX,
    RubricSource,
    prompt_text,
    shared_engine,
    verl_result,
)
from rubricrl.rubric import Reward
from rubricrl.scoring import GradingItem

__all__ = [
    "CRITERION_PREFIX",
    "VALID_KEY",
    "RubricBatchRewardManager",
    "RubricRewardManager",
    "compute_score",
    "verl_result",
]

_SOURCES: dict[str, RubricSource] = {}


def _source(rubric: str | Sequence[str], default: str | None) -> RubricSource:
    key = repr((rubric, default))
    if key not in _SOURCES:
        _SOURCES[key] = RubricSource(rubric, default)
    return _SOURCES[key]


async def compute_score(
    data_source: str,
    solution_str: str,
    ground_truth: Any,
    extra_info: dict[str, Any] | None = None,
    *,
    rubric: str | Sequence[str],
    rubric_id: str | None = None,
    judge: str = "local",
    judge_options: dict[str, Any] | None = None,
    engine: dict[str, Any] | None = None,
    abstain_fill: float = 0.0,
    **_: Any,
) -> dict[str, float]:
    """Verl's reward-function contract; settings come from ``custom_reward_function.reward_kwargs``.

    Args:
        data_source: verl's data source tag (unused).
        solution_str: The response text.
        ground_truth: ``reward_model.ground_truth``; a bank rubric id here picks that rubric.
        extra_info: The row's ``extra_info``; ``prompt`` gives the prompt, ``rubric`` a rubric id.
        rubric: Rubric file(s) or directory (the bank).
        rubric_id: Default rubric id when the bank has several.
        judge: Judge spec (``local``, ``openai:MODEL@URL``, ``fake:approve``, ...).
        judge_options: Judge constructor options.
        engine: :class:`~rubricrl.scoring.EngineConfig` fields.
        abstain_fill: ``score`` of an abstained sample (flagged ``rubricrl_valid`` 0.0).

    Returns:
        ``score``, ``rubricrl_valid``, ``rubricrl_coverage`` and ``crit/<id>`` values.

    >>> import asyncio
    >>> out = asyncio.run(compute_score("d", "Hi.", None, {"prompt": "Greet"},
    ...     rubric="rubrics/writing_quality.yaml", judge="fake:approve"))
    >>> out["rubricrl_valid"], out["score"] > 0
    (1.0, True)
    """
    source = _source(rubric, rubric_id)
    item = GradingItem(
        id="0",
        prompt=prompt_text(extra_info, None, ""),
        response=solution_str,
        rubric=source.pick(extra_info, ground_truth),
    )
    grader = shared_engine(judge, judge_options or {}, engine or {})
    reward = await grader.grade_one(item)
    return verl_result(reward, source.criterion_ids, abstain_fill)


def _valid_length(mask_row: Any) -> int:
    return int(mask_row.sum().item())


def _decode_sample(tokenizer: Any, batch: Any, index: int) -> tuple[str, str]:
    """(prompt, response) text of row ``index`` of a verl batch, as verl's managers decode it."""
    prompts, responses = batch["prompts"], batch["responses"]
    prompt_len = prompts.shape[-1]
    mask = batch["attention_mask"][index]
    prompt_valid = _valid_length(mask[:prompt_len])
    response_valid = _valid_length(mask[prompt_len:])
    prompt_ids = prompts[index][prompt_len - prompt_valid :]
    response_ids = responses[index][:response_valid]
    return (
        tokenizer.decode(prompt_ids, skip_special_tokens=True),
        tokenizer.decode(response_ids, skip_special_tokens=True),
    )


class _ManagerSettings:
    """Settings shared by both managers (from ``reward_kwargs`` in verl's config)."""

    def __init__(
        self,
        tokenizer: Any,
        rubric: str | Sequence[str],
        rubric_id: str | None = None,
        judge: str = "local",
        judge_options: dict[str, Any] | None = None,
        engine: dict[str, Any] | None = None,
        abstain_fill: float = 0.0,
    ) -> None:
        self.tokenizer = tokenizer
        self.source = _source(rubric, rubric_id)
        self.judge = judge
        self.judge_options = dict(judge_options or {})
        self.engine = dict(engine or {})
        self.abstain_fill = abstain_fill

    def item(self, batch: Any, non_tensor: dict[str, Any], index: int) -> GradingItem:
        decoded_prompt, response = _decode_sample(self.tokenizer, batch, index)
        extra = _at(non_tensor, "extra_info", index)
        reward_model = _at(non_tensor, "reward_model", index) or {}
        ground_truth = reward_model.get("ground_truth") if isinstance(reward_model, dict) else None
        raw_prompt = _at(non_tensor, "raw_prompt", index)
        return GradingItem(
            id=str(index),
            prompt=prompt_text(extra, raw_prompt, decoded_prompt),
            response=response,
            rubric=self.source.pick(extra, ground_truth),
        )

    async def grade(self, items: list[GradingItem]) -> list[Reward]:
        return await shared_engine(self.judge, self.judge_options, self.engine).grade_batch(items)


def _at(non_tensor: dict[str, Any], key: str, index: int) -> Any:
    values = non_tensor.get(key)
    return None if values is None else values[index]


class RubricRewardManager:
    """verl reward-loop manager: ``run_single`` per sample, all sharing one engine per process.

    verl constructs it as ``RubricRewardManager(config=, tokenizer=, compute_score=, ...)``;
    the settings of :func:`compute_score` (``rubric``, ``judge``, ...) are read from
    ``config.reward.reward_kwargs``.
    """

    def __init__(
        self, config: Any = None, tokenizer: Any = None, compute_score: Any = None, **kwargs: Any
    ) -> None:
        """Create the manager; settings come from ``config.reward.reward_kwargs`` (and kwargs).

        Raises:
            ValueError: When no ``rubric`` setting is given.
        """
        self.config = config
        settings = {**_config_kwargs(config), **kwargs}
        if "rubric" not in settings:
            raise ValueError("set reward.reward_kwargs.rubric to rubric file(s) or a directory")
        rubric = settings.pop("rubric")
        self.settings = _ManagerSettings(tokenizer, rubric, **_known(settings))

    async def run_single(self, data: Any) -> dict[str, Any]:
        """Grade the one sample of ``data``; verl reads ``reward_score`` and extra info."""
        item = self.settings.item(data.batch, data.non_tensor_batch, 0)
        (reward,) = await self.settings.grade([item])
        info = verl_result(reward, self.settings.source.criterion_ids, self.settings.abstain_fill)
        return {"reward_score": info["score"], "reward_extra_info": info}

    @classmethod
    def assemble_rm_scores(cls, data: Any, scores: list[float]) -> Any:
        """Place each score on the last valid response token (verl's default layout)."""
        return _token_level(data.batch, scores)


class RubricBatchRewardManager:
    """Batch reward manager: grades a whole ``DataProto`` concurrently and masks abstentions.

    Abstained samples get the mean of their ``uid`` group's valid rewards (GRPO advantage 0)
    and their ``response_mask`` row, when present, is zeroed (no loss weight).
    """

    def __init__(
        self,
        tokenizer: Any,
        num_examine: int = 0,
        compute_score: Any = None,
        reward_fn_key: str = "data_source",
        *,
        rubric: str | Sequence[str],
        **settings: Any,
    ) -> None:
        """Create the manager with verl's batch-manager signature plus rubricrl settings."""
        self.num_examine = num_examine
        self.settings = _ManagerSettings(tokenizer, rubric, **_known(settings))
        # One private event loop for the synchronous calls, so every batch reuses one engine
        # (one judge session) instead of opening a new one per call.
        self._loop = asyncio.new_event_loop()

    def __call__(self, data: Any, return_dict: bool = False) -> Any:
        """Grade ``data``; a tensor, or ``reward_tensor`` + ``reward_extra_info`` if asked.

        Raises:
            RuntimeError: When called inside a running event loop (use :meth:`acall`).
        """
        items = [self.settings.item(data.batch, data.non_tensor_batch, i) for i in range(len(data))]
        rewards = _run_on(self._loop, self.settings.grade(items))
        return self.translate(data, rewards, return_dict)

    async def acall(self, data: Any, return_dict: bool = False) -> Any:
        """:meth:`__call__` for callers already inside an event loop."""
        items = [self.settings.item(data.batch, data.non_tensor_batch, i) for i in range(len(data))]
        return self.translate(data, await self.settings.grade(items), return_dict)

    def translate(self, data: Any, rewards: list[Reward], return_dict: bool) -> Any:
        """Token-level rewards with abstentions group-neutral and masked; extra info lists."""
        settings = self.settings
        infos = [
            verl_result(r, settings.source.criterion_ids, settings.abstain_fill) for r in rewards
        ]
        uids = data.non_tensor_batch.get("uid")
        groups = list(uids) if uids is not None else list(range(len(rewards)))
        values = group_neutral_values([r.value for r in rewards], groups, settings.abstain_fill)
        extra: dict[str, list[float]] = defaultdict(list)
        for info, value in zip(infos, values, strict=True):
            info["score"] = value
            for key, number in info.items():
                extra[key].append(number)
        reward_tensor = _token_level(data.batch, values)
        if "response_mask" in data.batch.keys():
            for index, reward in enumerate(rewards):
                if reward.value is None:
                    data.batch["response_mask"][index] = 0
        if return_dict:
            return {"reward_tensor": reward_tensor, "reward_extra_info": dict(extra)}
        return reward_tensor


def _token_level(batch: Any, scores: Sequence[float]) -> Any:
    import torch

    prompt_len = batch["prompts"].shape[-1]
    lengths = batch["attention_mask"][:, prompt_len:].sum(dim=-1)
    tensor = torch.zeros_like(batch["responses"], dtype=torch.float32)
    rows = torch.arange(tensor.shape[0])
    last = torch.clamp(lengths - 1, min=0)
    tensor[rows, last] = torch.tensor(list(scores), dtype=torch.float32)
    return tensor


_SETTINGS = ("rubric_id", "judge", "judge_options", "engine", "abstain_fill")


def _known(settings: dict[str, Any]) -> dict[str, Any]:
    # verl passes extra keyword arguments of its own (e.g. reward_router_address): ignore them.
    return {key: value for key, value in settings.items() if key in _SETTINGS}


def _config_kwargs(config: Any) -> dict[str, Any]:
    """``config.reward.reward_kwargs`` as plain data (verl passes an OmegaConf DictConfig)."""
    try:
        reward_kwargs = config.reward.get("reward_kwargs") or {}
    except AttributeError:
        return {}
    try:
        from omegaconf import OmegaConf

        if OmegaConf.is_config(reward_kwargs):
            container = OmegaConf.to_container(reward_kwargs, resolve=True)
            return (
                {str(key): value for key, value in container.items()}
                if isinstance(container, dict)
                else {}
            )
    except ImportError:
        pass
    return dict(reward_kwargs)


def _run_on(loop: asyncio.AbstractEventLoop, coroutine: Any) -> Any:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return loop.run_until_complete(coroutine)
    coroutine.close()
    raise RuntimeError("inside a running event loop: use `await manager.acall(data)` instead")
