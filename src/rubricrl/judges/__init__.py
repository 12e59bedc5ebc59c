"""Judges: one async protocol; OpenAI-compatible HTTP, embedded llama.cpp and fake backends."""

from rubricrl.judges._fake import FakeJudge, FakePolicy, reply_from_schema
from rubricrl.judges._local import LlamaCppJudge, grammar_for_schema
from rubricrl.judges._local_models import (
    MODEL_ALIASES,
    assemble_split_model,
    default_model_path,
    models_cache_dir,
    resolve_model_path,
)
from rubricrl.judges._openai import API_KEY_ENV, STRUCTURED_OUTPUT_ENV, OpenAIJudge
from rubricrl.judges._parsing import (
    EvidencePolicy,
    ReplyError,
    evidence_found,
    parse_criterion_reply,
    parse_json_object,
    parse_one_call_reply,
)
from rubricrl.judges._prompts import (
    TEMPLATE_VERSION,
    criterion_schema,
    fill,
    new_fence,
    one_call,
    one_call_schema,
    per_criterion_call,
    per_criterion_calls,
    shared_prefix,
)
from rubricrl.judges._protocol import BaseJudge, Judge, JudgeCall, JudgeError, JudgeReply
from rubricrl.judges._specs import JudgeSpecError, resolve_judge

__all__ = [
    "API_KEY_ENV",
    "BaseJudge",
    "EvidencePolicy",
    "FakeJudge",
    "FakePolicy",
    "Judge",
    "JudgeCall",
    "JudgeError",
    "JudgeReply",
    "JudgeSpecError",
    "LlamaCppJudge",
    "MODEL_ALIASES",
    "OpenAIJudge",
    "ReplyError",
    "STRUCTURED_OUTPUT_ENV",
    "TEMPLATE_VERSION",
    "assemble_split_model",
    "criterion_schema",
    "default_model_path",
    "evidence_found",
    "fill",
    "grammar_for_schema",
    "models_cache_dir",
    "new_fence",
    "one_call",
    "one_call_schema",
    "parse_criterion_reply",
    "parse_json_object",
    "parse_one_call_reply",
    "per_criterion_call",
    "per_criterion_calls",
    "resolve_model_path",
    "reply_from_schema",
    "resolve_judge",
    "shared_prefix",
]
