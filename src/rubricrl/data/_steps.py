"""File-level pipeline steps (what the CLI commands call): read, run one step, write + card.

Each step reads its input file(s), runs one library function, writes its output and a data card
next to it that carries the input's sources and steps forward.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from rubricrl.data._card import CardStep, build_card, carry_card, write_card
from rubricrl.data._dedup import DedupConfig, decontaminate, dedup
from rubricrl.data._filter import (
    FilterConfig,
    FilterReport,
    filter_prompts,
    prompt_stats,
    report_markdown,
)
from rubricrl.data._importers import import_prompts
from rubricrl.data._rollout import read_rollouts
from rubricrl.data._rows import DataError, PromptRow, iter_jsonl, read_prompts, write_prompts
from rubricrl.data._tagging import (
    DEFAULT_LABELS,
    DEFAULT_RULES,
    EmbeddingTagger,
    JudgeTagger,
    RuleTagger,
    TagRule,
    apply_tags,
    difficulty_tags,
)
from rubricrl.judges import Judge


def import_step(
    name: str, output: Path, *, limit: int | None = None, path: Path | None = None
) -> int:
    """Import a shipped prompt set into ``output`` (+ card); return the row count."""
    rows, source = import_prompts(name, path, limit)
    write_prompts(rows, output)
    step = CardStep(name="import", params={"importer": name, "limit": limit})
    write_card(build_card(output.stem, rows, sources=[source], steps=[step]), output)
    return len(rows)


def filter_step(
    graded: Path,
    report_path: Path,
    config: FilterConfig,
    *,
    rollouts: Path | None = None,
    prompts: Path | None = None,
    output: Path | None = None,
) -> FilterReport:
    """Filter prompts from graded samples; write the report (JSON + Markdown) and kept rows.

    Raises:
        DataError: Bad input files, or ``output`` without ``prompts``.
    """
    if output is not None and prompts is None:
        raise DataError("--output needs --prompts (the rows to keep)")
    graded_rows = [row for _, row in iter_jsonl(graded)]
    rollout_rows = read_rollouts(rollouts) if rollouts else []
    stats = prompt_stats(graded_rows, rollout_rows, pass_threshold=config.pass_threshold)
    if prompts is not None:
        tasks = {row.id: row.task for row in read_prompts(prompts)}
        stats = [s.model_copy(update={"task": s.task or tasks.get(s.prompt_id)}) for s in stats]
    report = filter_prompts(stats, config)
    report_path.parent.mkdir(parents=True, exist_ok=True)
    report_path.write_text(report.model_dump_json(indent=2) + "\n", encoding="utf-8")
    report_path.with_suffix(".md").write_text(report_markdown(report), encoding="utf-8")
    if prompts is not None and output is not None:
        kept = set(report.kept)
        rows = [row for row in read_prompts(prompts) if row.id in kept]
        write_prompts(rows, output)
        step = CardStep(
            name="filter",
            params=config.model_dump(),
            result={"kept": len(report.kept), "dropped": report.reasons, "bands": report.bands},
        )
        carry_card(prompts, output, rows, step)
    return report


def load_rules(path: Path) -> list[TagRule]:
    """Tag rules from a JSON or YAML list of ``{axis, label, pattern}`` (safe loading)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return [TagRule.model_validate(item) for item in data]
    except (OSError, yaml.YAMLError, TypeError, ValueError) as error:
        raise DataError(f"{path}: bad tag rules ({type(error).__name__})") from None


def load_labels(path: Path) -> dict[str, dict[str, str]]:
    """Labels ``{axis: {label: description}}`` from JSON or YAML (safe loading)."""
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise DataError(f"{path}: unreadable labels ({type(error).__name__})") from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise DataError(f"{path}: labels must map axis -> label -> description")
    return {str(a): {str(k): str(v) for k, v in d.items()} for a, d in data.items()}


def tag_step(
    prompts: Path,
    output: Path,
    method: Literal["rules", "embedding", "judge"],
    *,
    rules: Sequence[TagRule] | None = None,
    labels: dict[str, dict[str, str]] | None = None,
    judge: Judge | None = None,
    filter_report: Path | None = None,
    overwrite: bool = False,
) -> dict[str, int]:
    """Tag prompts (and add difficulty tags from a filter report); write rows + card."""
    rows = read_prompts(prompts)
    tags = _tags(rows, method, rules, labels, judge)
    if filter_report is not None:
        for pid, extra in _difficulty(filter_report).items():
            tags.setdefault(pid, []).extend(extra)
    tagged = apply_tags(rows, tags, overwrite=overwrite)
    write_prompts(tagged, output)
    counts = {"rows": len(tagged), "tagged": sum(1 for t in tags.values() if t)}
    params = {"method": method, "overwrite": overwrite, "difficulty": filter_report is not None}
    carry_card(prompts, output, tagged, CardStep(name="tag", params=params, result=counts))
    return counts


def _tags(
    rows: list[PromptRow],
    method: str,
    rules: Sequence[TagRule] | None,
    labels: dict[str, dict[str, str]] | None,
    judge: Judge | None,
) -> dict[str, list[str]]:
    if method == "rules":
        return RuleTagger(rules or DEFAULT_RULES).tag(rows)
    if method == "embedding":
        return EmbeddingTagger(labels or DEFAULT_LABELS).tag(rows)
    if method == "judge":
        if judge is None:
            raise DataError("judge tagging needs a judge")
        return JudgeTagger(judge, labels or DEFAULT_LABELS).tag(rows)
    raise DataError(f"unknown tag method {method!r}; valid: rules, embedding, judge")


def _difficulty(report_path: Path) -> dict[str, list[str]]:
    try:
        report = FilterReport.model_validate_json(report_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"{report_path}: not a filter report ({type(error).__name__})") from None
    return difficulty_tags(report.stats)


def dedup_step(
    prompts: Path,
    output: Path,
    config: DedupConfig,
    *,
    eval_sets: Sequence[str] = (),
    encoder: Any = None,
) -> dict[str, Any]:
    """Remove near-duplicates, then prompts overlapping evaluation sets; write rows + card.

    ``eval_sets`` entries are importer names (``ifeval``) or prompt files.
    """
    rows = read_prompts(prompts)
    kept, dup_report = dedup(rows, config, encoder=encoder)
    eval_rows = [row for spec in eval_sets for row in _eval_rows(spec)]
    kept, contamination = decontaminate(kept, eval_rows, config) if eval_rows else (kept, None)
    write_prompts(kept, output)
    result = {
        "input": len(rows),
        "duplicates": len(dup_report.removed),
        "contaminated": len(contamination.removed) if contamination else 0,
        "kept": len(kept),
    }
    params = {
        **config.model_dump(),
        "eval_sets": list(eval_sets),
        "embeddings": encoder is not None,
    }
    carry_card(prompts, output, kept, CardStep(name="dedup", params=params, result=result))
    removed = {**dup_report.removed, **(contamination.removed if contamination else {})}
    output.with_name(output.name + ".removed.json").write_text(
        json.dumps(removed, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return result


def _eval_rows(spec: str) -> list[PromptRow]:
    path = Path(spec)
    if path.suffix in (".jsonl", ".parquet", ".json"):
        return read_prompts(path)
    return import_prompts(spec)[0]
