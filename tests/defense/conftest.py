from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rubricrl.rubric import Rubric, load_rubric

DATA = Path(__file__).parent / "data"


def _load_rows(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="session")
def load_rows() -> Callable[[str], list[dict[str, Any]]]:
    return _load_rows


@pytest.fixture(scope="session")
def dev_rubric() -> Rubric:
    return load_rubric(DATA / "dev_rubric.yaml")
