"""rubricrl: rubric-anchored rewards for reinforcement learning on language models.

The public façade. Everything here is re-exported from the subpackages; see DESIGN.md for the
layers and ``docs/`` for the guide.
"""

from rubricrl.aggregation import AggregateResult, aggregate
from rubricrl.judges import FakeJudge, Judge, JudgeCall, JudgeReply, OpenAIJudge, resolve_judge
from rubricrl.rubric import (
    AggregationConfig,
    Criterion,
    CriterionScore,
    Flag,
    Reward,
    Rubric,
    RubricError,
    Tier,
    VerifierSpec,
    load_rubric,
    loads_rubric,
)

__version__ = "0.1.0"

__all__ = [
    "AggregateResult",
    "AggregationConfig",
    "Criterion",
    "CriterionScore",
    "FakeJudge",
    "Flag",
    "Judge",
    "JudgeCall",
    "JudgeReply",
    "OpenAIJudge",
    "Reward",
    "Rubric",
    "RubricError",
    "Tier",
    "VerifierSpec",
    "__version__",
    "aggregate",
    "load_rubric",
    "loads_rubric",
    "resolve_judge",
]
