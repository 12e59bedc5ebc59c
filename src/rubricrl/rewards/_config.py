"""Settings of the HTTP reward service: one pydantic model for the Python API, CLI and files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SecretStr

from rubricrl.scoring import EngineConfig

TOKEN_ENV = "RUBRICRL_SERVE_TOKEN"


class ServeConfig(BaseModel):
    """Everything ``rubricrl serve`` needs; limits protect memory under overload.

    >>> ServeConfig(rubric_dir=["rubrics"]).max_samples
    256
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    host: str = Field(default="127.0.0.1", description="Interface to bind.")
    port: int = Field(default=8080, ge=0, le=65535, description="TCP port (0 = any free port).")
    rubric_dir: list[Path] = Field(
        default_factory=list, description="Rubric files or directories (the bank, by id)."
    )
    judge: str = Field(default="local", description="Judge spec (see rubricrl grade --judge).")
    judge_options: dict[str, Any] = Field(
        default_factory=dict, description="Extra judge constructor options, e.g. timeout_s."
    )
    engine: EngineConfig = Field(default_factory=EngineConfig, description="Engine settings.")
    token: SecretStr | None = Field(
        default=None, description=f"Bearer token required by the scoring endpoints (${TOKEN_ENV})."
    )
    allow_inline_rubrics: bool = Field(default=True, description="Accept rubrics in requests.")
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024, description="Body cap (413).")
    max_samples: int = Field(default=256, ge=1, description="Samples per request (400 beyond).")
    max_inflight_samples: int = Field(
        default=4096, ge=1, description="Samples admitted at once; more gets 503 + Retry-After."
    )
    retry_after_s: int = Field(default=1, ge=1, description="Retry-After sent with a 503.")
    shutdown_deadline_s: float = Field(
        default=30.0, gt=0, description="On SIGTERM, time given to in-flight requests."
    )
    journal_path: Path | None = Field(
        default=None, description="JSONL file where requests unfinished at shutdown are written."
    )
    result_cache_size: int = Field(
        default=100_000, ge=0, description="Reward rows kept in memory (0 = off)."
    )
    openrlhf_rubric: str | None = Field(
        default=None, description="Rubric id for OpenRLHF requests whose label names none."
    )
    abstain_fill: float = Field(
        default=0.0,
        description="Reward sent to trainers without None for an abstained sample (masked).",
    )
    log_level: str = Field(default="info", description="uvicorn log level.")

    def token_value(self) -> str | None:
        """The configured token, else ``$RUBRICRL_SERVE_TOKEN``, else None (auth off)."""
        if self.token is not None:
            return self.token.get_secret_value()
        return os.environ.get(TOKEN_ENV) or None
