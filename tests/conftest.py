"""Shared test setup: offline by default (loopback only) and fast retries."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rubricrl.rubric import Criterion, Rubric, Tier

REPO = Path(__file__).resolve().parent.parent

_real_connect = socket.socket.connect


def _is_loopback(address: Any) -> bool:
    if not isinstance(address, tuple):
        return True  # AF_UNIX paths
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if not _is_loopback(address):
        raise RuntimeError(f"tests may not reach the network: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Refuse non-loopback connections and zero retry backoff in every test."""
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr("rubricrl.scoring._limits.random.uniform", lambda a, b: 0.0)
    yield


@pytest.fixture
def simple_rubric() -> Rubric:
    """A rubric with a tiered, a binary and a pitfall criterion."""
    return Rubric(
        id="simple",
        description="Answer quality.",
        criteria=[
            Criterion(
                id="correct",
                kind="tiered",
                weight=2,
                description="The answer is correct.",
                tiers=[
                    Tier(score=0, description="Wrong."),
                    Tier(score=1, description="Partly right."),
                    Tier(score=2, description="Right."),
                ],
            ),
            Criterion(id="clear", kind="binary", weight=1, description="The answer is clear."),
            Criterion(id="padding", kind="binary", weight=-1, description="Pads its length."),
        ],
    )
