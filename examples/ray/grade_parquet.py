"""Runnable: score a 2,000-row Parquet file on a local Ray cluster with the fake judge.

PYTHONPATH=src python examples/ray/grade_parquet.py /tmp/rubricrl-ray-demo
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import ray

from rubricrl.rewards.ray import grade_dataset_ray
from rubricrl.rubric import load_rubrics


def main(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = 2000
    table = pa.table(
        {
            "id": [f"r{i}" for i in range(rows)],
            "prompt": ["Write a haiku about snow."] * rows,
            "response": [f"Snow falls, take {i}." for i in range(rows)],
        }
    )
    pq.write_table(table, folder / "rollouts.parquet")
    ray.init(num_cpus=2, include_dashboard=False)
    summary = grade_dataset_ray(
        folder / "rollouts.parquet",
        folder / "rewards.jsonl",
        load_rubrics([Path("rubrics/writing_quality.yaml")]),
        judge="fake:random",
        resume=True,
    )
    print(summary)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/rubricrl-ray-demo"))
