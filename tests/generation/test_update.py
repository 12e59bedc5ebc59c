from rubricrl.generation import UpdatePolicy, apply_proposals, judge_disagreement, propose_updates
from rubricrl.rubric import Criterion, CriterionScore, Flag, Reward, Rubric

RUBRIC = Rubric(
    id="r",
    criteria=[
        Criterion(id="easy", description="Says hello."),
        Criterion(id="hard", description="Proves the theorem."),
        Criterion(id="noisy", description="Is insightful.", weight=2),
        Criterion(id="ok", description="Answers the question."),
    ],
)
POLICY = UpdatePolicy(min_observations=4)


def reward(i, flags=()):
    scores = {"easy": 1.0, "hard": 0.0, "noisy": float(i % 2), "ok": float(i % 3 == 0)}
    return Reward(
        value=0.5,
        criteria=[CriterionScore(id=k, score=v) for k, v in scores.items()],
        flags=[Flag(name=f) for f in flags],
    )


def test_saturated_and_starved_criteria_are_proposed_for_dropping():
    proposals = propose_updates(RUBRIC, [reward(i) for i in range(6)], policy=POLICY)
    assert [(p.action, p.criterion_id) for p in proposals] == [("drop", "easy"), ("drop", "hard")]
    assert "always met" in proposals[0].reason and "never met" in proposals[1].reason


def test_too_few_observations_propose_nothing():
    assert propose_updates(RUBRIC, [reward(0)], policy=POLICY) == []


def test_disagreement_and_hacking_flags():
    first = [reward(i) for i in range(6)]
    second = [reward(i + 1) for i in range(6)]
    disagreement = judge_disagreement(first, second)
    assert disagreement["easy"] == 0 and disagreement["noisy"] == 1.0
    flagged = [reward(i, flags=("sycophantic_opener",) if i < 3 else ()) for i in range(6)]
    proposals = propose_updates(RUBRIC, flagged, disagreement=disagreement, policy=POLICY)
    actions = {(p.action, p.criterion_id) for p in proposals}
    assert ("downweight", "noisy") in actions and ("enable_defense", None) in actions
    updated = apply_proposals(RUBRIC, proposals)
    assert updated.defense and updated.version == "2"
    assert [c.id for c in updated.criteria] == ["noisy", "ok"]
    assert updated.criterion("noisy").weight < 2
    assert "proposed for review" in updated.provenance.note
    assert updated.content_hash != RUBRIC.content_hash


def test_apply_never_leaves_no_positive_criterion():
    only = Rubric(id="r", criteria=[Criterion(id="easy", description="Says hello.")])
    proposals = propose_updates(only, [reward(i) for i in range(6)], policy=POLICY)
    updated = apply_proposals(only, proposals)
    assert [c.id for c in updated.criteria] == ["easy"]
    assert "drops skipped" in updated.provenance.note
