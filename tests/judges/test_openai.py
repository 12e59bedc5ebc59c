"""classify_http_status: the error classification shared by OpenAIJudge and rollout policies."""

from __future__ import annotations

import pytest

from rubricrl.judges import classify_http_status


@pytest.mark.parametrize(
    ("status", "reason", "retryable"),
    [
        (429, "http_429", True),
        (500, "http_500", True),
        (503, "http_503", True),
        (401, "auth_failed", False),
        (403, "auth_failed", False),
        (400, "http_400", False),
        (408, "http_408", True),
    ],
)
def test_classification(status: int, reason: str, retryable: bool) -> None:
    error = classify_http_status(status, "  some\n body ", {})
    assert (error.reason, error.retryable) == (reason, retryable)


def test_retry_after_is_read_and_bad_values_ignored() -> None:
    assert classify_http_status(429, "", {"Retry-After": "3"}).retry_after_s == 3.0
    assert classify_http_status(503, "", {"Retry-After": "Wed, 21 Oct"}).retry_after_s is None
