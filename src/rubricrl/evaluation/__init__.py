"""Evaluation: judge agreement, policy benchmarks, reports, and the demo pipeline."""

from rubricrl.evaluation._demo import DemoResult, demo_items, run_demo

__all__ = ["DemoResult", "demo_items", "run_demo"]
