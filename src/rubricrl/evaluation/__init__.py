"""Evaluation: judge agreement, policy benchmarks, reports, and the demo pipeline."""

from rubricrl.evaluation._agreement import (
    AgreementReport,
    PreferencePair,
    evaluate_pairs,
    holistic_score,
    load_pairs,
    pairwise_verdict,
)
from rubricrl.evaluation._demo import DemoResult, demo_items, run_demo
from rubricrl.evaluation._report import (
    SECTIONS,
    ReportData,
    read_jsonl,
    render_html,
    summarize_graded,
    write_report,
)
from rubricrl.evaluation._stats import PairwiseStats, bootstrap_ci, pairwise_stats

__all__ = [
    "SECTIONS",
    "AgreementReport",
    "DemoResult",
    "PairwiseStats",
    "PreferencePair",
    "ReportData",
    "bootstrap_ci",
    "demo_items",
    "evaluate_pairs",
    "holistic_score",
    "load_pairs",
    "pairwise_stats",
    "pairwise_verdict",
    "read_jsonl",
    "render_html",
    "run_demo",
    "summarize_graded",
    "write_report",
]
