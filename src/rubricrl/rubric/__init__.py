"""Rubrics as first-class, versioned, validated objects."""

from rubricrl.rubric._diff import FieldChange, RubricDiff, diff_rubrics
from rubricrl.rubric._embedding import Embedder, HashingEmbedder, MiniLMEmbedder, resolve_embedder
from rubricrl.rubric._importers import ImportedRubric, healthbench_rubric, writingbench_rubric
from rubricrl.rubric._loading import (
    RubricError,
    dump_rubric_yaml,
    format_validation_error,
    load_rubric,
    load_rubrics,
    loads_rubric,
    rubric_from_data,
    rubric_json_schema,
    shipped_rubric,
    shipped_rubric_names,
)
from rubricrl.rubric._models import (
    AggregationConfig,
    Criterion,
    Interaction,
    Provenance,
    Rubric,
    Shaping,
    Tier,
    VerifierSpec,
)
from rubricrl.rubric._scores import CriterionScore, Flag, Reward, ScoreStatus
from rubricrl.rubric.bank import BankEntry, BankError, ImportReport, RubricBank, SearchHit

__all__ = [
    "ImportedRubric",
    "healthbench_rubric",
    "writingbench_rubric",
    "AggregationConfig",
    "BankEntry",
    "BankError",
    "Embedder",
    "FieldChange",
    "HashingEmbedder",
    "ImportReport",
    "MiniLMEmbedder",
    "RubricBank",
    "RubricDiff",
    "SearchHit",
    "diff_rubrics",
    "resolve_embedder",
    "Criterion",
    "CriterionScore",
    "Flag",
    "Interaction",
    "Provenance",
    "Reward",
    "Rubric",
    "RubricError",
    "ScoreStatus",
    "Shaping",
    "Tier",
    "VerifierSpec",
    "dump_rubric_yaml",
    "format_validation_error",
    "load_rubric",
    "load_rubrics",
    "loads_rubric",
    "rubric_from_data",
    "rubric_json_schema",
    "shipped_rubric",
    "shipped_rubric_names",
]
