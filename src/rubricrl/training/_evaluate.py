"""Held-out skill evaluation: greedy generation with the policy, graded by the same rewards."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from rubricrl.rubric import Reward
from rubricrl.scoring import GradingItem
from rubricrl.training._datasets import stage_records
from rubricrl.training._recipe import Evaluation, Recipe
from rubricrl.training._rewards import build_reward


class EvalResult(BaseModel):
    """One skill measured on one checkpoint."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    metric: str
    value: float | None
    reward_mean: float | None
    pass_rate: float | None
    abstain_rate: float
    prompts: int
    wall_s: float


def passed(reward: Reward) -> bool | None:
    """Every criterion scored and passed (IFEval prompt-level); None if any is unscored.

    >>> from rubricrl.rubric import CriterionScore
    >>> passed(Reward(value=1.0, criteria=[CriterionScore(id="a", score=1.0)]))
    True
    """
    if not reward.criteria or any(score.score is None for score in reward.criteria):
        return None
    return all((score.score or 0.0) >= 1.0 - 1e-9 for score in reward.criteria)


def summarize(name: str, metric: str, rewards: Sequence[Reward], wall_s: float) -> EvalResult:
    """Aggregate graded held-out responses into an :class:`EvalResult`.

    >>> summarize("s", "reward_mean", [Reward(value=0.5), Reward(value=None)], 1.0).value
    0.5
    """
    values = [r.value for r in rewards if r.value is not None]
    verdicts = [v for v in (passed(r) for r in rewards) if v is not None]
    reward_mean = sum(values) / len(values) if values else None
    pass_rate = sum(verdicts) / len(verdicts) if verdicts else None
    return EvalResult(
        name=name,
        metric=metric,
        value=pass_rate if metric == "pass_rate" else reward_mean,
        reward_mean=reward_mean,
        pass_rate=pass_rate,
        abstain_rate=1.0 - len(values) / len(rewards) if rewards else 0.0,
        prompts=len(rewards),
        wall_s=round(wall_s, 2),
    )


def generate(
    model_dir: Path | str, prompts: Sequence[str], max_new_tokens: int, batch_size: int = 8
) -> list[str]:
    """Greedy chat completions from an HF model directory (CPU or the default device)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir, padding_side="left")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model: Any = AutoModelForCausalLM.from_pretrained(model_dir)
    model.eval()
    responses: list[str] = []
    for start in range(0, len(prompts), batch_size):
        chats = [[{"role": "user", "content": p}] for p in prompts[start : start + batch_size]]
        texts = [
            tokenizer.apply_chat_template(c, add_generation_prompt=True, tokenize=False)
            for c in chats
        ]
        batch: Any = tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
        with torch.inference_mode():
            output = model.generate(
                **batch,
                max_new_tokens=max_new_tokens,
                do_sample=False,
                pad_token_id=tokenizer.pad_token_id,
            )
        new_tokens = output[:, batch["input_ids"].shape[1] :]
        responses += tokenizer.batch_decode(new_tokens, skip_special_tokens=True)
    return responses


def _write_samples(path: Path, items: Sequence[GradingItem], rewards: Sequence[Reward]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for item, reward in zip(items, rewards, strict=True):
            row = {
                "prompt": item.prompt,
                "response": item.response,
                "reward": reward.value,
                "passed": passed(reward),
                "rubric_id": item.rubric.id,
                "criteria": {s.id: s.score for s in reward.criteria},
            }
            handle.write(json.dumps(row) + "\n")


def evaluate(
    evaluation: Evaluation, recipe: Recipe, model_dir: Path | str, samples_path: Path | None = None
) -> EvalResult:
    """Generate on the held-out prompts of one evaluation and grade them.

    Args:
        evaluation: The skill to measure.
        recipe: The recipe (for paths).
        model_dir: The checkpoint to evaluate.
        samples_path: If set, each prompt, response and reward is written there as JSONL.

    Raises:
        RecipeError: If the dataset or rubrics cannot be loaded.
    """
    started = time.perf_counter()
    records = stage_records((evaluation.dataset,), recipe)
    prompts = [str(record["prompt"]) for record in records]
    responses = generate(model_dir, prompts, evaluation.max_new_tokens, evaluation.batch_size)
    with build_reward(evaluation.reward, recipe) as reward:
        items = [
            GradingItem(
                id=str(i),
                prompt=prompt,
                response=response,
                rubric=reward.rubric_for(record["rubric"]),
            )
            for i, (prompt, response, record) in enumerate(
                zip(prompts, responses, records, strict=True)
            )
        ]
        rewards = reward.grade(items)
    if samples_path is not None:
        _write_samples(samples_path, items, rewards)
    return summarize(evaluation.name, evaluation.metric, rewards, time.perf_counter() - started)
