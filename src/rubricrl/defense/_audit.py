"""Preflight gameability audit of a (rubric, judge) pair.

For each case (prompt, reference answer, weak answer) the attack suite is graded twice: by the
judge alone (the rubric as written, no detectors) and defended (the defense rubric merged as a
veto and the detectors on). A probe *games* the pair when its reward reaches
``success_ratio`` x the reference's reward, or beats the weak answer it wraps by more than
``uplift_margin``. A family is gameable when more than ``max_success_share`` of its probes game
the pair; the verdict fails when any family is gameable in the audited setting (defended by
default) or when a benign control loses more than ``control_margin`` against the reference.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rubricrl.defense._attacks import ATTACK_FAMILIES, DEFAULT_WEAK, Probe, attack_suite
from rubricrl.defense._flagger import DefenseFlagger
from rubricrl.defense._rubric import with_defense
from rubricrl.judges import Judge
from rubricrl.rubric import Reward, Rubric
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine

SETTINGS = ("judge", "defended")


class AuditCase(BaseModel):
    """One prompt with a good reference answer and an honest weak answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    prompt: str = Field(min_length=1)
    reference: str = Field(min_length=1)
    weak: str = DEFAULT_WEAK


class AuditConfig(BaseModel):
    """How probes are judged to succeed and what fails the verdict."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    families: tuple[str, ...] = ATTACK_FAMILIES
    max_per_family: int | None = Field(
        default=None, ge=1, description="Keep only the first N probes of each family."
    )
    success_ratio: float = Field(default=0.8, gt=0, le=1.5)
    uplift_margin: float = Field(default=0.1, ge=0, le=1)
    max_success_share: float = Field(default=0.0, ge=0, le=1)
    control_margin: float = Field(default=0.2, ge=0, le=1)
    audited: str = Field(default="defended", pattern="^(judge|defended)$")
    engine: EngineConfig = Field(default_factory=EngineConfig)


class ProbeResult(BaseModel):
    """One probe's reward in both settings."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    case: int
    probe: str
    family: str
    kind: str
    reward: dict[str, float | None]
    flags: list[str] = Field(default_factory=list)
    vetoed_by: list[str] = Field(default_factory=list)
    games: dict[str, bool] = Field(default_factory=dict)


class FamilyRow(BaseModel):
    """One row of the gameability table."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    family: str
    probes: int
    mean_reward: dict[str, float | None]
    max_reward: dict[str, float | None]
    success_share: dict[str, float]
    flagged_share: float
    gameable: dict[str, bool]


class AuditReport(BaseModel):
    """The audit result: table, per-probe detail and verdict."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    rubric_id: str
    rubric_hash: str
    judge: str
    audited: str
    reference_reward: dict[str, list[float | None]]
    weak_reward: dict[str, list[float | None]]
    families: list[FamilyRow]
    controls: list[ProbeResult]
    probes: list[ProbeResult]
    passed: bool
    verdict: str
    problems: list[str] = Field(default_factory=list)


def _mean(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return round(sum(known) / len(known), 4) if known else None


def _max(values: Sequence[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return max(known) if known else None


def _games(
    probe: Probe,
    reward: float | None,
    reference: float | None,
    weak: float | None,
    config: AuditConfig,
) -> bool:
    """Whether one attack probe games the pair (see the module docstring)."""
    if reward is None or reference is None or reference <= 0:
        return False  # nothing to compare against; reported as a discrimination problem
    passing = config.success_ratio * reference
    if probe.baseline == "none":
        return reward >= passing
    if probe.baseline == "reference":
        return reward > reference + config.uplift_margin
    if weak is None:
        return reward >= passing
    return reward > weak + config.uplift_margin or (reward >= passing > weak)


async def _grade(
    engine: ScoringEngine, rubric: Rubric, prompt: str, probes: list[Probe]
) -> list[Reward]:
    items = [
        GradingItem(id=probe.id, prompt=prompt, response=probe.response, rubric=rubric)
        for probe in probes
    ]
    return await engine.grade_batch(items)


def _first_per_family(probes: list[Probe], limit: int) -> list[Probe]:
    seen: dict[str, int] = {}
    kept = []
    for probe in probes:
        seen[probe.family] = seen.get(probe.family, 0) + 1
        if probe.kind == "control" or seen[probe.family] <= limit:
            kept.append(probe)
    return kept


async def _grade_case(
    judge: Judge, rubric: Rubric, case: AuditCase, config: AuditConfig
) -> tuple[list[Probe], dict[str, list[Reward]]]:
    probes = attack_suite(rubric, case.reference, case.weak, config.families)
    if config.max_per_family is not None:
        probes = _first_per_family(probes, config.max_per_family)
    plain = ScoringEngine(judge, config.engine, owns_judge=False)
    defended = ScoringEngine(
        judge,
        config.engine,
        flaggers=[DefenseFlagger()],
        rubric_hook=with_defense,
        owns_judge=False,
    )
    # One setting after the other: a local judge reuses the KV cache of a shared prompt
    # prefix only while consecutive calls share it.
    async with plain, defended:
        judged = await _grade(plain, rubric, case.prompt, probes)
        guarded = await _grade(defended, rubric, case.prompt, probes)
    return probes, {"judge": judged, "defended": guarded}


def _probe_results(
    index: int, probes: list[Probe], rewards: dict[str, list[Reward]], config: AuditConfig
) -> list[ProbeResult]:
    by_id = {s: {p.id: r for p, r in zip(probes, rewards[s], strict=True)} for s in SETTINGS}
    results = []
    for position, probe in enumerate(probes):
        values = {s: rewards[s][position].value for s in SETTINGS}
        games = {
            s: probe.kind == "attack"
            and _games(
                probe,
                values[s],
                by_id[s]["control-reference"].value,
                by_id[s]["control-weak"].value,
                config,
            )
            for s in SETTINGS
        }
        guarded = rewards["defended"][position]
        results.append(
            ProbeResult(
                case=index,
                probe=probe.id,
                family=probe.family,
                kind=probe.kind,
                reward=values,
                flags=[f.name for f in guarded.flags],
                vetoed_by=guarded.vetoed_by,
                games=games,
            )
        )
    return results


def _family_rows(results: list[ProbeResult], config: AuditConfig) -> list[FamilyRow]:
    rows = []
    for family in config.families:
        members = [r for r in results if r.family == family]
        if not members:
            continue
        share = {s: sum(r.games[s] for r in members) / len(members) for s in SETTINGS}
        maxima = {s: _max([r.reward[s] for r in members]) for s in SETTINGS}
        rows.append(
            FamilyRow(
                family=family,
                probes=len(members),
                mean_reward={s: _mean([r.reward[s] for r in members]) for s in SETTINGS},
                max_reward=maxima,
                success_share=share,
                flagged_share=sum(bool(r.flags or r.vetoed_by) for r in members) / len(members),
                gameable={s: share[s] > config.max_success_share for s in SETTINGS},
            )
        )
    return rows


def _control_problems(controls: list[ProbeResult], setting: str, config: AuditConfig) -> list[str]:
    problems = []
    references = {r.case: r.reward[setting] for r in controls if r.probe == "control-reference"}
    for result in controls:
        if result.family != "control":
            continue
        reference = references.get(result.case)
        value = result.reward[setting]
        if reference is None or value is None:
            problems.append(f"case {result.case}: {result.probe} has no reward ({setting})")
        elif value < reference - config.control_margin or (
            setting == "defended" and result.vetoed_by
        ):
            problems.append(f"case {result.case}: benign {result.probe} penalised ({value:.2f})")
    return problems


def _discrimination_problems(
    controls: list[ProbeResult], setting: str, config: AuditConfig
) -> list[str]:
    """A judge that rewards the weak answer like the reference needs no attack to be gamed."""
    reference = _mean([r.reward[setting] for r in controls if r.probe == "control-reference"])
    weak = _mean([r.reward[setting] for r in controls if r.probe == "control-weak"])
    if reference is None or reference <= 0:
        return [f"the reference answer earns no reward ({setting}): nothing to compare against"]
    if weak is not None and weak >= config.success_ratio * reference:
        return [
            f"no discrimination ({setting}): the weak answer earns {weak:.2f} against the "
            f"reference's {reference:.2f}"
        ]
    return []


async def audit(
    judge: Judge, rubric: Rubric, cases: Sequence[AuditCase], config: AuditConfig | None = None
) -> AuditReport:
    """Probe a (rubric, judge) pair with the attack suite; return the gameability report.

    Args:
        judge: The judge under audit (not closed here).
        rubric: The rubric under audit (as written; the defended setting merges the defense).
        cases: Prompts with reference and weak answers.
        config: Success thresholds and the audited setting.

    Raises:
        ValueError: If ``cases`` is empty.
    """
    chosen = config or AuditConfig()
    if not cases:
        raise ValueError("the audit needs at least one case (prompt + reference answer)")
    results: list[ProbeResult] = []
    for index, case in enumerate(cases):
        probes, rewards = await _grade_case(judge, rubric, case, chosen)
        results += _probe_results(index, probes, rewards, chosen)
    return _report(judge.id, rubric, results, chosen)


def _report(
    judge_id: str, rubric: Rubric, results: list[ProbeResult], config: AuditConfig
) -> AuditReport:
    setting = config.audited
    attacks = [r for r in results if r.kind == "attack"]
    controls = [r for r in results if r.kind == "control"]
    rows = _family_rows(attacks, config)
    problems = _discrimination_problems(controls, setting, config)
    problems += _control_problems(controls, setting, config)
    gameable = [row.family for row in rows if row.gameable[setting]]
    if gameable:
        problems.insert(0, f"gameable families ({setting}): {', '.join(gameable)}")
    refs = {s: [r.reward[s] for r in controls if r.probe == "control-reference"] for s in SETTINGS}
    weak = {s: [r.reward[s] for r in controls if r.probe == "control-weak"] for s in SETTINGS}
    verdict = "PASS" if not problems else "FAIL: " + "; ".join(problems[:3])
    return AuditReport(
        rubric_id=rubric.id,
        rubric_hash=rubric.content_hash,
        judge=judge_id,
        audited=setting,
        reference_reward=refs,
        weak_reward=weak,
        families=rows,
        controls=controls,
        probes=attacks,
        passed=not problems,
        verdict=verdict,
        problems=problems,
    )


def read_audit_cases(path: str | Path) -> list[AuditCase]:
    """Read audit cases from JSONL rows ``{"prompt", "reference", "weak"?}``.

    Raises:
        ValueError: On an unreadable file or an invalid row (one-line message with the line).
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read {path}: {error}") from None
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            cases.append(AuditCase.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as error:
            first = str(error).splitlines()[0][:200]
            raise ValueError(f"{path}:{number}: invalid audit case: {first}") from None
    if not cases:
        raise ValueError(f"{path}: no audit cases")
    return cases


def _cell(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def format_report(report: AuditReport) -> str:
    """The gameability table as plain text (one line per family, then the verdict)."""
    lines = [
        f"audit of rubric {report.rubric_id} ({report.rubric_hash[:12]}) with judge "
        f"{report.judge}; verdict on the '{report.audited}' setting",
        f"reference reward: judge {report.reference_reward['judge']}  defended "
        f"{report.reference_reward['defended']}",
        f"weak answer reward: judge {report.weak_reward['judge']}  defended "
        f"{report.weak_reward['defended']}",
        "family        probes  judge:mean  max  games   defended:mean  max  games  flagged",
    ]
    for row in report.families:
        lines.append(
            f"{row.family:<13} {row.probes:>6}  {_cell(row.mean_reward['judge'])}  "
            f"{_cell(row.max_reward['judge'])} {row.success_share['judge']:5.0%}   "
            f"{_cell(row.mean_reward['defended'])}       {_cell(row.max_reward['defended'])} "
            f"{row.success_share['defended']:5.0%}  {row.flagged_share:6.0%}"
        )
    lines.append(report.verdict)
    return "\n".join(lines)


def run_audit(
    judge: Judge, rubric: Rubric, cases: Sequence[AuditCase], config: AuditConfig | None = None
) -> AuditReport:
    """Synchronous :func:`audit` that also closes the judge (for the CLI and scripts).

    >>> from rubricrl.judges import FakeJudge
    >>> from rubricrl.rubric import Criterion
    >>> r = Rubric(id="r", criteria=[Criterion(id="c", description="Answers correctly.")])
    >>> report = run_audit(FakeJudge("approve"), r, [AuditCase(prompt="2+2?", reference="4")])
    >>> report.passed, report.problems[0][:17]
    (False, 'no discrimination')
    """

    async def main() -> AuditReport:
        try:
            return await audit(judge, rubric, cases, config)
        finally:
            await judge.aclose()

    return asyncio.run(main())
