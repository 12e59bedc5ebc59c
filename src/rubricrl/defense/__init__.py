"""Reward-hacking defense: detectors, the defense rubric, preflight audit and training monitor."""

from rubricrl.defense._detectors import (
    DETECTORS,
    Sample,
    content_free,
    detector_names,
    hidden_text,
    injection,
    padding,
    rubric_echo,
    run_detectors,
    self_praise,
    sycophantic_opener,
)
from rubricrl.defense._flagger import (
    DEFAULT_PENALTIES,
    DEFAULT_POLICIES,
    DefenseFlagger,
    DefensePolicy,
    FlagPolicy,
    detect,
)
from rubricrl.defense._monitor import (
    MonitorConfig,
    MonitorWarning,
    StepStats,
    TrainingMonitor,
)
from rubricrl.defense._proposals import propose_defense
from rubricrl.defense._rubric import (
    DEFENSE_PREFIX,
    has_defense,
    load_defense_rubric,
    with_defense,
)

__all__ = [
    "DEFAULT_PENALTIES",
    "DEFAULT_POLICIES",
    "DEFENSE_PREFIX",
    "DETECTORS",
    "DefenseFlagger",
    "DefensePolicy",
    "FlagPolicy",
    "MonitorConfig",
    "MonitorWarning",
    "Sample",
    "StepStats",
    "TrainingMonitor",
    "content_free",
    "detect",
    "detector_names",
    "has_defense",
    "hidden_text",
    "injection",
    "load_defense_rubric",
    "padding",
    "propose_defense",
    "rubric_echo",
    "run_detectors",
    "self_praise",
    "sycophantic_opener",
    "with_defense",
]
