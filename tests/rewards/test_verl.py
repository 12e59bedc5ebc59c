"""verl adapter tests against verl 0.9.1's own DataProto, config loader and GRPO advantage.

When verl is not installed, the same tests run against a stand-in with DataProto's shape
(``batch`` dict of tensors, ``non_tensor_batch`` dict of numpy arrays, slicing) - a contract
test; both need torch.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from rubricrl.judges import JudgeCall
from rubricrl.rewards import verl as rverl
from rubricrl.rewards._verl_core import _ENGINES, verl_result
from rubricrl.rubric import CriterionScore, Reward
from tests.rewards.conftest import RUBRICS

torch = pytest.importorskip("torch")

try:
    from verl import DataProto as RealDataProto

    HAVE_VERL = True
except ImportError:  # pragma: no cover - depends on the environment
    HAVE_VERL = False

RUBRIC = str(RUBRICS / "writing_quality.yaml")
PAD = 0


class CharTokenizer:
    """Token id = code point; 0 is padding."""

    def encode(self, text: str) -> list[int]:
        return [ord(c) for c in text]

    def decode(self, ids: Any, skip_special_tokens: bool = True) -> str:
        return "".join(chr(int(i)) for i in ids if int(i) != PAD)


@dataclass
class StandInDataProto:
    batch: dict[str, Any]
    non_tensor_batch: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return int(self.batch["responses"].shape[0])

    def __getitem__(self, index: slice) -> StandInDataProto:
        return StandInDataProto(
            {k: v[index] for k, v in self.batch.items()},
            {k: v[index] for k, v in self.non_tensor_batch.items()},
        )


def make_data(rows: list[tuple[str, str, str]]) -> Any:
    """rows: (uid, prompt, response) -> verl-shaped batch, prompts left-padded."""
    tok = CharTokenizer()
    p_len = max(len(p) for _, p, _ in rows)
    r_len = max(len(r) for _, _, r in rows) + 2
    prompts = torch.zeros(len(rows), p_len, dtype=torch.long)
    responses = torch.zeros(len(rows), r_len, dtype=torch.long)
    mask = torch.zeros(len(rows), p_len + r_len, dtype=torch.long)
    for i, (_, prompt, response) in enumerate(rows):
        prompts[i, p_len - len(prompt) :] = torch.tensor(tok.encode(prompt))
        responses[i, : len(response)] = torch.tensor(tok.encode(response))
        mask[i, p_len - len(prompt) : p_len] = 1
        mask[i, p_len : p_len + len(response)] = 1
    batch = {
        "prompts": prompts,
        "responses": responses,
        "attention_mask": mask,
        "response_mask": mask[:, p_len:].clone(),
    }
    non_tensor = {
        "uid": np.array([u for u, _, _ in rows], dtype=object),
        "data_source": np.array(["rubric"] * len(rows), dtype=object),
        "reward_model": np.array([{"ground_truth": None}] * len(rows), dtype=object),
        "extra_info": np.array([{"index": i} for i in range(len(rows))], dtype=object),
    }
    if HAVE_VERL:
        return RealDataProto.from_dict(tensors=batch, non_tensors=non_tensor)
    return StandInDataProto(batch, non_tensor)


def abstain_on_marker(call: JudgeCall) -> str | None:
    """Unparsable reply for responses containing ABSTAIN (-> abstention), else the policy."""
    text = " ".join(m["content"] for m in call.messages)
    return "not json" if "ABSTAIN" in text else None


SETTINGS: dict[str, Any] = {
    "rubric": RUBRIC,
    "judge": "fake:approve",
    "judge_options": {"script": abstain_on_marker},
}


@pytest.fixture(autouse=True)
def fresh_engines() -> Any:
    _ENGINES.clear()
    yield
    _ENGINES.clear()


def test_verl_result_translation() -> None:
    reward = Reward(
        value=None,
        criteria=[CriterionScore(id="a", score=0.5), CriterionScore.unscored("b", "timeout")],
    )
    out = verl_result(reward, ["a", "b", "c"], fill=0.25)
    assert out["score"] == 0.25 and out["rubricrl_valid"] == 0.0
    assert out["crit/a"] == 0.5 and math.isnan(out["crit/b"]) and math.isnan(out["crit/c"])
    assert verl_result(Reward(value=0.7), [])["rubricrl_valid"] == 1.0


def test_batch_manager_masks_abstained_and_grpo_gives_zero_advantage() -> None:
    data = make_data(
        [
            ("g1", "Write a poem", "Roses are red."),
            ("g1", "Write a poem", "ABSTAIN here"),
            ("g1", "Write a poem", "x"),
            ("g2", "Say hi", "ABSTAIN"),
            ("g2", "Say hi", "ABSTAIN too"),
        ]
    )
    manager = rverl.RubricBatchRewardManager(CharTokenizer(), **SETTINGS)
    out = manager(data, return_dict=True)
    tensor, extra = out["reward_tensor"], out["reward_extra_info"]
    assert tensor.shape == data.batch["responses"].shape
    assert extra["rubricrl_valid"] == [1.0, 0.0, 1.0, 0.0, 0.0]
    scores = tensor.sum(-1)
    assert scores[1].item() == pytest.approx((scores[0].item() + scores[2].item()) / 2)
    assert tensor[0, len("Roses are red.") - 1].item() == pytest.approx(scores[0].item())
    assert data.batch["response_mask"][1].sum().item() == 0
    assert data.batch["response_mask"][0].sum().item() == len("Roses are red.")
    assert all(math.isnan(v) for v in extra["crit/organization"][3:])
    assert set(extra) >= {"score", "rubricrl_valid", "rubricrl_coverage", "crit/specificity"}
    if HAVE_VERL:
        from verl.trainer.ppo.core_algos import compute_grpo_outcome_advantage

        advantages, _ = compute_grpo_outcome_advantage(
            token_level_rewards=tensor,
            response_mask=data.batch["response_mask"],
            index=data.non_tensor_batch["uid"],
        )
        assert torch.all(advantages[[1, 3, 4]] == 0)


def test_batch_manager_plain_tensor_and_one_engine_for_the_batch() -> None:
    data = make_data([("g", "P", f"Response {i}.") for i in range(16)])
    manager = rverl.RubricBatchRewardManager(CharTokenizer(), **SETTINGS)
    tensor = manager(data)
    assert tensor.shape == data.batch["responses"].shape and bool((tensor.sum(-1) > 0).all())
    manager(data)  # a second batch reuses the same engine (one judge session)
    assert len(_ENGINES) == 1

    async def inside_a_loop() -> None:
        with pytest.raises(RuntimeError, match="acall"):
            manager(data)
        assert (await manager.acall(data)).shape == tensor.shape

    asyncio.run(inside_a_loop())


def test_reward_loop_manager_loaded_by_verl_config() -> None:
    data = make_data([("g", "Write", "A fine answer."), ("g", "Write", "ABSTAIN")])
    if HAVE_VERL:
        from omegaconf import OmegaConf
        from verl.trainer.ppo.reward import load_reward_manager

        config = OmegaConf.create(
            {
                "reward": {
                    "reward_manager": {
                        "source": "importlib",
                        "name": "RubricRewardManager",
                        "module": {"path": "pkg://rubricrl.rewards.verl"},
                    },
                    "custom_reward_function": {"path": None},
                    "reward_kwargs": {"rubric": RUBRIC, "judge": "fake:approve"},
                }
            }
        )
        manager = load_reward_manager(config, CharTokenizer(), reward_router_address=None)
        manager.settings.judge_options = {"script": abstain_on_marker}
    else:
        manager = rverl.RubricRewardManager(None, CharTokenizer(), **SETTINGS)

    async def run_all() -> list[dict[str, Any]]:
        return list(await asyncio.gather(*(manager.run_single(data[i : i + 1]) for i in range(2))))

    outputs = asyncio.run(run_all())
    assert outputs[0]["reward_score"] > 0 and outputs[0]["reward_extra_info"]["rubricrl_valid"] == 1
    assert outputs[1]["reward_extra_info"]["rubricrl_valid"] == 0.0
    assert outputs[1]["reward_score"] == 0.0
    scores = type(manager).assemble_rm_scores(data, [o["reward_score"] for o in outputs])
    assert scores[0, len("A fine answer.") - 1].item() == pytest.approx(outputs[0]["reward_score"])


def test_compute_score_concurrent_calls_share_one_engine() -> None:
    async def run_all() -> list[dict[str, float]]:
        calls = [
            rverl.compute_score(
                "d",
                f"Answer {i}.",
                None,
                {"prompt": "Q"},
                rubric=RUBRIC,
                judge="fake:approve",
                judge_options={"latency_s": 0.01},
            )
            for i in range(40)
        ]
        return list(await asyncio.gather(*calls))

    results = asyncio.run(run_all())
    assert len(results) == 40 and all(r["rubricrl_valid"] == 1.0 for r in results)
    assert len(_ENGINES) == 1


def test_manager_requires_a_rubric() -> None:
    with pytest.raises(ValueError, match="reward_kwargs.rubric"):
        rverl.RubricRewardManager(None, CharTokenizer())
