"""End to end with the embedded judge (SmolLM2 in llama.cpp): generate, store, retrieve, grade.

SmolLM2-135M is a smoke-test judge: the test checks the machinery (structured output, strict
validation, reasoned rejection, bank round trip, grading with abstention), not rubric quality.
"""

import pytest

from rubricrl.generation import (
    GenerationConfig,
    RefineConfig,
    generate_instance_rubric,
    grade_samples,
    refine_rubric,
)
from rubricrl.rubric import RubricBank
from rubricrl.scoring import EngineConfig

KNOWN_REASONS = {
    "parse_failure",
    "empty_reply",
    "empty_description",
    "no_criteria",
    "no_positive_criterion",
    "bad_importance",
    "wrong_type",
    "invalid_rubric",
}


@pytest.mark.slow
async def test_embedded_judge_generates_stores_and_grades(tmp_path):
    pytest.importorskip("llama_cpp")
    from rubricrl.judges import resolve_judge

    judge = resolve_judge("local")
    prompt = "How do I boil an egg so the yolk stays soft?"
    try:
        result = await generate_instance_rubric(
            judge, prompt, config=GenerationConfig(max_criteria=3, max_tokens=400)
        )
        assert result.attempts in (1, 2) and result.replies
        if result.rubric is None:
            assert result.reason in KNOWN_REASONS, result.reason
            return
        rubric = result.rubric
        assert rubric.provenance.source == "llm" and rubric.granularity == "instance"
        with RubricBank(tmp_path / "bank.db") as bank:
            bank.add(rubric, prompt=prompt)
            assert bank.search("soft boiled egg yolk", k=1)[0].entry.id == rubric.id
        samples = [(prompt, "Boil for 6 minutes, then cool in ice water."), (prompt, "No idea.")]
        engine = EngineConfig(mode="one_call", concurrency=1)
        rewards = await grade_samples(judge, rubric, samples, engine)
        for reward in rewards:
            assert reward.value is not None or reward.abstain_reason
        refined = await refine_rubric(
            judge, rubric, samples, config=RefineConfig(), engine_config=engine
        )
        assert refined.rubric.id == rubric.id
        assert all(s.rubric.provenance.parent_id == rubric.id for s in refined.steps if s.changed)
    finally:
        await judge.aclose()
