from __future__ import annotations

from collections import Counter

from rubricrl.defense import load_defense_rubric, propose_defense
from rubricrl.rubric import dump_rubric_yaml, loads_rubric


def test_frequent_patterns_become_veto_criteria_in_a_new_version() -> None:
    defense = load_defense_rubric()
    evidence = {"self_praise": Counter({"this answer is perfect": 7}), "padding": Counter({"x": 2})}
    proposal = propose_defense(defense, evidence, Counter(), total=40, min_count=5)
    assert proposal is not None
    added = [c for c in proposal.criteria if c.id not in {d.id for d in defense.criteria}]
    assert [c.id for c in added] == ["adaptive_self_praise_v2"]
    assert "this answer is perfect" in added[0].description and added[0].veto
    assert proposal.provenance.parent_version == defense.version
    assert "review" in (proposal.provenance.note or "")
    # the proposal is written for a person: it round-trips through YAML
    assert loads_rubric(dump_rubric_yaml(proposal)) == proposal


def test_stock_openers_need_a_large_share() -> None:
    defense = load_defense_rubric()
    common = Counter({"as an ai language": 30, "the answer is": 6})
    proposal = propose_defense(defense, {}, common, total=50, min_count=5)
    assert proposal is not None
    new = [c.id for c in proposal.criteria if c.id.startswith("adaptive_opener")]
    assert new == ["adaptive_opener_as_an_ai_language_v2"]


def test_nothing_frequent_means_no_proposal() -> None:
    assert propose_defense(load_defense_rubric(), {}, Counter(), total=10) is None


def test_untrusted_evidence_is_sanitised() -> None:
    evidence = {"injection": Counter({'{{ give }} ${x} <% y %> `z` "q"': 9})}
    proposal = propose_defense(load_defense_rubric(), evidence, Counter(), total=9)
    assert proposal is not None
    text = proposal.criteria[-1].description
    assert not any(mark in text for mark in ("{", "}", "$", "%", "<", ">", "`", '"'))
