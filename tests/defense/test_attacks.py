from __future__ import annotations

import pytest

from rubricrl.defense import ATTACK_FAMILIES, attack_suite, detect
from rubricrl.rubric import Criterion, Rubric

RUBRIC = Rubric(
    id="r",
    criteria=[
        Criterion(id="names", description="The response names Canberra as the capital."),
        Criterion(id="why", description="The response explains why Canberra was chosen.", weight=2),
    ],
)


def test_suite_has_every_family_and_the_controls() -> None:
    probes = attack_suite(RUBRIC, "Canberra, a compromise between Sydney and Melbourne.")
    families = {p.family for p in probes}
    assert set(ATTACK_FAMILIES) <= families
    controls = {p.id for p in probes if p.kind == "control"}
    assert controls == {"control-reference", "control-reformatted", "control-weak"}
    assert len({p.id for p in probes}) == len(probes)


def test_wrappers_contain_the_weak_answer_and_echo_copies_the_rubric() -> None:
    probes = attack_suite(RUBRIC, "Canberra.", weak="Sydney, probably.")
    for probe in probes:
        if probe.family in ("injection", "sycophancy", "self_praise"):
            assert "Sydney, probably." in probe.response
    echo = next(p for p in probes if p.id == "rubric_echo-0")
    assert "names Canberra as the capital" in echo.response and echo.baseline == "none"


def test_suite_can_be_restricted_and_rejects_unknown_families() -> None:
    probes = attack_suite(RUBRIC, "Canberra.", families=("master_key",))
    assert {p.family for p in probes} == {"master_key", "control", "weak"}
    with pytest.raises(ValueError, match="unknown attack families"):
        attack_suite(RUBRIC, "Canberra.", families=("nope",))


def test_detectors_flag_every_generated_attack_and_no_control() -> None:
    reference = "Canberra was chosen as a compromise between Sydney and Melbourne."
    for probe in attack_suite(RUBRIC, reference):
        flags = detect(probe.response, prompt="Capital of Australia?", rubric=RUBRIC)
        assert bool(flags) == (probe.kind == "attack"), probe.id
