"""A self-contained HTML report: plots embedded as PNG data URIs, numbers from one JSON.

Every number shown comes from ``report.json`` (written beside the HTML), so a test can check
that the page and the data agree. Sections whose inputs are missing say so instead of vanishing.
User-derived text (ids, criterion names) is HTML-escaped; nothing is rendered as a template.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, Field

from rubricrl.scoring import iter_json_lines

SECTIONS = (
    ("scores", "Score distribution"),
    ("criteria", "Per-criterion pass rates"),
    ("abstain", "Abstain and flag rates"),
    ("agreement", "Judge agreement"),
    ("audit", "Gameability audit"),
    ("training", "Training curves"),
    ("benchmarks", "Before / after benchmarks"),
)


class ReportData(BaseModel):
    """Everything the report shows; serialised as report.json."""

    title: str = "rubricrl report"
    graded: dict[str, Any] = Field(default_factory=dict)
    agreement: dict[str, Any] | None = None
    audit: dict[str, Any] | None = None
    training: list[dict[str, Any]] = Field(default_factory=list)
    benchmarks: dict[str, Any] | None = None


def summarize_graded(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Reward histogram, per-criterion pass rates, abstain and flag rates of graded rows.

    >>> s = summarize_graded([{"reward": 1.0, "criteria": [{"id": "c", "score": 1.0}],
    ...                        "flags": []}, {"reward": None, "criteria": [], "flags": []}])
    >>> (s["n"], s["abstain_rate"], s["criteria"]["c"]["pass_rate"])
    (2, 0.5, 1.0)
    """
    rewards = [row["reward"] for row in rows if row.get("reward") is not None]
    counts, edges = np.histogram(rewards, bins=10, range=(0.0, 1.0))
    per_criterion: dict[str, list[float]] = {}
    unscored: Counter[str] = Counter()
    for row in rows:
        for criterion in row.get("criteria", []):
            if criterion.get("score") is None:
                unscored[criterion["id"]] += 1
            else:
                per_criterion.setdefault(criterion["id"], []).append(criterion["score"])
    flags = Counter(flag["name"] for row in rows for flag in row.get("flags", []))
    n = len(rows)
    return {
        "n": n,
        "mean_reward": float(np.mean(rewards)) if rewards else None,
        "abstain_rate": (n - len(rewards)) / n if n else 0.0,
        "histogram": {"counts": counts.tolist(), "edges": edges.tolist()},
        "criteria": {
            cid: {
                "pass_rate": float(np.mean([s >= 0.5 for s in scores])),
                "mean": float(np.mean(scores)),
                "n": len(scores),
                "abstained": unscored[cid],
            }
            for cid, scores in sorted(per_criterion.items())
        },
        "flag_rates": {name: count / n for name, count in sorted(flags.items())} if n else {},
    }


def _png(figure: Any) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=90, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _figure() -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(6, 3))


def _table(header: list[str], rows: list[list[Any]], css: str = "") -> str:
    def cell(value: Any) -> str:
        if isinstance(value, float):
            return f"{value:.4f}"
        return html.escape("-" if value is None else str(value))

    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _scores_section(graded: dict[str, Any]) -> str:
    if not graded:
        return "<p>No graded rows were given.</p>"
    figure, axis = _figure()
    edges = graded["histogram"]["edges"]
    axis.bar(edges[:-1], graded["histogram"]["counts"], width=0.09, align="edge")
    axis.set_xlabel("reward")
    axis.set_ylabel("responses")
    summary = _table(
        ["responses", "mean reward", "abstain rate"],
        [[graded["n"], graded["mean_reward"], graded["abstain_rate"]]],
        "summary",
    )
    return f'{summary}<img alt="reward histogram" src="{_png(figure)}">'


def _criteria_section(graded: dict[str, Any]) -> str:
    criteria = graded.get("criteria") or {}
    if not criteria:
        return "<p>No criterion scores.</p>"
    figure, axis = _figure()
    axis.barh(list(criteria), [c["pass_rate"] for c in criteria.values()])
    axis.set_xlim(0, 1)
    axis.set_xlabel("share of responses scoring >= 0.5")
    rows = [[cid, c["pass_rate"], c["mean"], c["n"], c["abstained"]] for cid, c in criteria.items()]
    table = _table(["criterion", "pass rate", "mean", "scored", "abstained"], rows, "criteria")
    return f'{table}<img alt="pass rates" src="{_png(figure)}">'


def _abstain_section(graded: dict[str, Any]) -> str:
    rows = [["(reward abstained)", graded.get("abstain_rate")]]
    rows += [[name, rate] for name, rate in (graded.get("flag_rates") or {}).items()]
    return _table(["signal", "rate"], rows, "flags")


def _agreement_section(agreement: dict[str, Any] | None) -> str:
    if not agreement:
        return "<p>No judge-agreement run was given.</p>"
    rows = [
        [
            name,
            m["accuracy"],
            m["ci_low"],
            m["ci_high"],
            m["tie_rate"],
            m["abstain_rate"],
            m["n_scored"],
        ]
        for name, m in agreement["methods"].items()
    ]
    note = (
        f"<p>Judge: {html.escape(agreement['judge'])}; pairs: {agreement['n_pairs']}; "
        f"position consistency: {agreement.get('position_consistency')}</p>"
    )
    header = ["method", "accuracy", "95% CI low", "95% CI high", "tie rate", "abstain rate", "n"]
    return note + _table(header, rows, "agreement")


def _audit_section(audit: dict[str, Any] | None) -> str:
    if not audit:
        return "<p>No gameability audit was given.</p>"
    families = audit.get("families") or audit.get("table") or []
    rows = [
        [f.get("family"), f.get("mean_reward"), f.get("reference_reward"), f.get("gameable")]
        for f in families
    ]
    verdict = html.escape(str(audit.get("verdict", "")))
    return f"<p>Verdict: <b>{verdict}</b></p>" + _table(
        ["attack family", "mean reward", "reference reward", "gameable"], rows, "audit"
    )


def _training_section(training: list[dict[str, Any]]) -> str:
    if not training:
        return "<p>No training log was given.</p>"
    keys = [
        k
        for k in ("reward", "completion_length", "abstain_rate", "flag_rate")
        if any(k in row for row in training)
    ]
    images = []
    for key in keys:
        points = [(row.get("step", i), row[key]) for i, row in enumerate(training) if key in row]
        figure, axis = _figure()
        axis.plot([p[0] for p in points], [p[1] for p in points])
        axis.set_xlabel("step")
        axis.set_ylabel(key)
        images.append(f'<img alt="{html.escape(key)}" src="{_png(figure)}">')
    return f"<p>{len(training)} logged steps.</p>" + "".join(images)


def _benchmarks_section(benchmarks: dict[str, Any] | None) -> str:
    if not benchmarks:
        return "<p>No before/after benchmark was given.</p>"
    rows = [
        [name, value.get("before"), value.get("after")]
        for name, value in benchmarks.items()
        if isinstance(value, dict)
    ]
    return _table(["metric", "before", "after"], rows, "benchmarks")


def render_html(data: ReportData) -> str:
    """The report page for ``data`` (self-contained; no network needed to view it)."""
    bodies = {
        "scores": _scores_section(data.graded),
        "criteria": _criteria_section(data.graded),
        "abstain": _abstain_section(data.graded),
        "agreement": _agreement_section(data.agreement),
        "audit": _audit_section(data.audit),
        "training": _training_section(data.training),
        "benchmarks": _benchmarks_section(data.benchmarks),
    }
    sections = "".join(
        f'<section id="{key}"><h2>{title}</h2>{bodies[key]}</section>' for key, title in SECTIONS
    )
    style = (
        "body{font-family:sans-serif;max-width:960px;margin:2em auto}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:4px 8px;text-align:right}img{max-width:100%}"
    )
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(data.title)}"
        f"</title><style>{style}</style></head><body><h1>{html.escape(data.title)}</h1>"
        f"{sections}</body></html>"
    )


def write_report(data: ReportData, output: Path) -> Path:
    """Write ``output`` (HTML) and ``output.with_suffix('.json')`` (the numbers)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.with_suffix(".json").write_text(data.model_dump_json(indent=2), encoding="utf-8")
    output.write_text(render_html(data), encoding="utf-8")
    return output


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Read a JSONL file of objects (blank lines skipped).

    Raises:
        InputError: On a line that is not a JSON object or is over the line-size bound,
            naming the file and line (the scoring layer's reader).
    """
    return [row for _, row in iter_json_lines(path)]
