"""Runnable: grade a verl DataProto-shaped batch with RubricBatchRewardManager (fake judge).

    PYTHONPATH=src python examples/verl/batch_manager_demo.py

Needs torch (and uses verl's DataProto when verl is installed).
"""

from __future__ import annotations

import numpy as np
import torch

from rubricrl.rewards.verl import RubricBatchRewardManager


class CharTokenizer:
    def decode(self, ids: torch.Tensor, skip_special_tokens: bool = True) -> str:
        return "".join(chr(int(i)) for i in ids if int(i) != 0)


def batch(rows: list[tuple[str, str]]) -> dict[str, torch.Tensor]:
    p_len, r_len = max(len(p) for p, _ in rows), max(len(r) for _, r in rows)
    prompts = torch.zeros(len(rows), p_len, dtype=torch.long)
    responses = torch.zeros(len(rows), r_len, dtype=torch.long)
    mask = torch.zeros(len(rows), p_len + r_len, dtype=torch.long)
    for i, (p, r) in enumerate(rows):
        prompts[i, p_len - len(p) :] = torch.tensor([ord(c) for c in p])
        responses[i, : len(r)] = torch.tensor([ord(c) for c in r])
        mask[i, p_len - len(p) : p_len + len(r)] = 1
    return {"prompts": prompts, "responses": responses, "attention_mask": mask}


def main() -> None:
    from verl import DataProto

    rows = [("Write a haiku", "Snow on quiet pines"), ("Write a haiku", "ok")]
    data = DataProto.from_dict(
        tensors=batch(rows), non_tensors={"uid": np.array(["g1", "g1"], dtype=object)}
    )
    manager = RubricBatchRewardManager(
        CharTokenizer(), rubric="rubrics/writing_quality.yaml", judge="fake:random"
    )
    out = manager(data, return_dict=True)
    print("rewards:", out["reward_tensor"].sum(-1).tolist())
    print("valid:", out["reward_extra_info"]["rubricrl_valid"])


if __name__ == "__main__":
    main()
