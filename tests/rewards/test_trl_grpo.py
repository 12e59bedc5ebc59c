"""A real TRL GRPOTrainer run on CPU with the SmolLM2 policy and a judge that abstains.

The reward returns None for samples whose judge reply never parses; TRL must skip them (its
"unscorable" rule) and its logs must carry our metrics.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rubricrl.judges import FakeJudge, JudgeCall
from rubricrl.rewards.trl import RubricReward
from rubricrl.rubric import Criterion, Rubric

pytest.importorskip("trl")
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def _judge_reply(call: JudgeCall) -> str:
    # Prompts marked ABSTAIN get an unparsable reply: the criterion abstains, the reward is None.
    if "ABSTAIN" in call.messages[-1]["content"]:
        return "I cannot grade this."
    return json.dumps({"evidence": "", "met": True})


def test_grpo_trainer_skips_abstained_samples_and_logs_our_metrics(tmp_path: Path) -> None:
    from datasets import Dataset
    from trl import GRPOConfig, GRPOTrainer

    from rubricrl.training import resolve_policy

    rubric = Rubric(id="polite", criteria=[Criterion(id="polite", description="Is polite.")])
    reward = RubricReward(FakeJudge(script=_judge_reply), default_rubric=rubric, flaggers=())
    prompts = ["Say hello.", "ABSTAIN: say goodbye.", "Name a colour.", "ABSTAIN: count to 3."]
    config = GRPOConfig(
        output_dir=str(tmp_path),
        max_steps=1,
        per_device_train_batch_size=4,
        num_generations=2,
        max_completion_length=8,
        use_cpu=True,
        bf16=False,
        use_vllm=False,
        gradient_checkpointing=False,
        report_to="none",
        logging_steps=1,
        save_strategy="no",
        seed=0,
    )
    trainer = GRPOTrainer(
        model=str(resolve_policy("smollm2")),
        reward_funcs=[reward],
        args=config,
        train_dataset=Dataset.from_dict({"prompt": prompts}),
    )
    trainer.train()
    values = [r.value for r in reward.last_rewards]
    assert None in values and any(v == 1.0 for v in values)
    logged = trainer.state.log_history[0]
    assert logged["rubric/abstain_rate"] == pytest.approx(values.count(None) / len(values))
    assert logged["rubric/criteria/polite"] == 1.0
    reward.close()
