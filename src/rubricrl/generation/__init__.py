"""Rubric generation, refinement and the update loop (see DESIGN.md).

Generation (LLM, structured output): instance rubrics from a prompt and optional reference,
contrastive rubrics from better/worse responses, task-level rubrics from sample prompts.
Refinement: decompose broad criteria, drop non-discriminating and redundant criteria, learn
weights (correlation-aware or from preference pairs); every step is a new version with its
provenance. Update loop: propose edits from scoring statistics for review.
"""

from rubricrl.generation._decompose import decompose, is_broad
from rubricrl.generation._generate import (
    GenerationConfig,
    GenerationResult,
    generate_contrastive_rubric,
    generate_instance_rubric,
    generate_task_rubric,
    rubric_id_for,
    safe_id,
)
from rubricrl.generation._pipeline import (
    RefineConfig,
    RefinementResult,
    grade_pairs,
    grade_samples,
    refine_rubric,
)
from rubricrl.generation._prompts import GENERATION_TEMPLATE_VERSION
from rubricrl.generation._refine import (
    RefineStep,
    drop_nondiscriminating,
    drop_redundant,
    new_version,
    next_version,
    reweight_correlation,
    reweight_preferences,
    score_matrix,
)
from rubricrl.generation._rows import (
    GenerationInputError,
    GenerationSummary,
    generate_rows,
    read_rows,
    write_results,
)
from rubricrl.generation._schema import (
    IMPORTANCE_WEIGHTS,
    GenerationError,
    rubric_from_reply,
    rubric_schema,
)
from rubricrl.generation._stats import (
    correlated_pairs,
    correlation,
    correlation_aware_weights,
    discrimination,
    fit_preference_weights,
    met_rate,
    pairwise_accuracy,
)
from rubricrl.generation._update import (
    Proposal,
    UpdatePolicy,
    apply_proposals,
    judge_disagreement,
    propose_updates,
)

__all__ = [
    "GENERATION_TEMPLATE_VERSION",
    "IMPORTANCE_WEIGHTS",
    "GenerationConfig",
    "GenerationError",
    "GenerationInputError",
    "GenerationSummary",
    "GenerationResult",
    "Proposal",
    "RefineConfig",
    "RefineStep",
    "RefinementResult",
    "UpdatePolicy",
    "apply_proposals",
    "correlated_pairs",
    "correlation",
    "correlation_aware_weights",
    "decompose",
    "discrimination",
    "drop_nondiscriminating",
    "drop_redundant",
    "fit_preference_weights",
    "generate_contrastive_rubric",
    "generate_instance_rubric",
    "generate_rows",
    "generate_task_rubric",
    "grade_pairs",
    "grade_samples",
    "is_broad",
    "judge_disagreement",
    "met_rate",
    "new_version",
    "next_version",
    "pairwise_accuracy",
    "propose_updates",
    "read_rows",
    "refine_rubric",
    "reweight_correlation",
    "reweight_preferences",
    "rubric_from_reply",
    "rubric_id_for",
    "rubric_schema",
    "safe_id",
    "score_matrix",
    "write_results",
]
