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
from rubricrl.evaluation._pipeline import PipelineConfig, demo_rubric, run_pipeline, split_prompts
from rubricrl.evaluation._policy_eval import (
    BENCHMARKS,
    PolicyEvalConfig,
    before_after,
    evaluate_policy,
    heldout_rows,
    ifeval_metrics,
    metric,
    rubric_metrics,
)
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
    "BENCHMARKS",
    "PipelineConfig",
    "PolicyEvalConfig",
    "before_after",
    "demo_rubric",
    "evaluate_policy",
    "heldout_rows",
    "ifeval_metrics",
    "metric",
    "rubric_metrics",
    "run_pipeline",
    "split_prompts",
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
